"""Files and connections that are not reliably closed."""

import json
import sqlite3


def save_greeting(path):
    f = open(path, "w")
    f.write("hello")
    f.close()


def load_settings(path):
    return json.load(open(path))


def count_users(db_path):
    conn = sqlite3.connect(db_path)
    cur = conn.cursor()
    cur.execute("select count(*) from users")
    return cur.fetchone()[0]
