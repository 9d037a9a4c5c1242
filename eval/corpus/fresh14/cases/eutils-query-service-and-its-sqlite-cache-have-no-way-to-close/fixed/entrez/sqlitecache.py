import logging
import pickle
import sqlite3
import zlib
from typing import Any, List, Optional


def key_to(obj: Any) -> bytes:
    return pickle.dumps(obj)


def val_to(obj: Any, compress: bool) -> bytes:
    pobj = pickle.dumps(obj)
    return zlib.compress(pobj) if compress else pobj


def val_from(pobj: bytes, compress: bool) -> Any:
    return pickle.loads(zlib.decompress(pobj) if compress else pobj)


class SQLiteCache:
    """Key-value cache with compressed payloads, kept in a sqlite database."""

    def __init__(self, db_path: str, compress_values: bool = True) -> None:
        self.compress_values = compress_values
        self._con: Optional[sqlite3.Connection] = None
        self._logger = logging.getLogger(__name__)
        self._connect(db_path)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._logger.info("closed %s", self._db_path)
            self._con = None

    def __enter__(self) -> "SQLiteCache":
        return self

    def __exit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> bool:
        self.close()
        return False

    def __del__(self) -> None:
        self.close()

    def __getitem__(self, key: Any) -> Any:
        row = self._execute("SELECT value, value_compressed FROM cache WHERE key = ?", [key_to(key)]).fetchone()
        if row is None:
            raise KeyError(key)
        return val_from(row[0], bool(row[1]))

    def __setitem__(self, key: Any, value: Any) -> None:
        self._execute(
            "INSERT OR REPLACE INTO cache (key, value_compressed, value) VALUES (?, ?, ?)",
            [key_to(key), self.compress_values, val_to(value, self.compress_values)],
        )

    def _connect(self, db_path: str) -> None:
        assert self._con is None, "already connected"
        self._con = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        self._db_path = db_path
        self._logger.info("opened %s", db_path)
        self._execute(
            "CREATE TABLE IF NOT EXISTS cache (key BLOB PRIMARY KEY, "
            "created INTEGER DEFAULT (strftime('%s','now')), value_compressed BOOL, value BLOB)"
        )

    def _execute(self, query: str, params: Optional[List[Any]] = None) -> sqlite3.Cursor:
        assert self._con is not None
        cur = self._con.cursor()
        cur.execute(query, params or [])
        return cur
