from __future__ import annotations

import os
import sqlite3

from flask import current_app


def remember_upload(photo_id: str, commons_title: str, commons_page_id: str) -> None:
    """Record that a Flickr photo now has a file on Wikimedia Commons."""
    assert commons_title.startswith("File:")

    folder = current_app.config["UPLOAD_LEDGER_DIRECTORY"]

    con = sqlite3.connect(os.path.join(folder, "uploads.db"))  # LEAK
    cur = con.cursor()
    cur.execute(
        """
        CREATE TABLE IF NOT EXISTS photos_on_commons (
            photo_id TEXT PRIMARY KEY,
            commons_title TEXT NOT NULL,
            commons_page_id TEXT NOT NULL
        )
        """
    )
    cur.execute("INSERT INTO photos_on_commons VALUES(?, ?, ?)", (photo_id, commons_title, commons_page_id))
    con.commit()
