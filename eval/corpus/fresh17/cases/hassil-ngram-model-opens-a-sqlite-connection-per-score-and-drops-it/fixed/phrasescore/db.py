import sqlite3
from pathlib import Path
from typing import Tuple, Union


def open_readonly_cursor(path: Union[str, Path]) -> Tuple[sqlite3.Connection, sqlite3.Cursor]:
    conn = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    return conn, conn.cursor()
