import collections
import json
import os
import sqlite3
import threading
from typing import Any, Dict, Iterator, List, Optional, Tuple

_TABLE = "shell_history"
_state = threading.local()


def _history_path() -> str:
    base = os.environ.get("SHELL_DATA_DIR", os.path.expanduser("~/.local/share/shell"))
    return os.environ.get("SHELL_HISTORY_DB", os.path.join(base, "history.sqlite"))


def _open_db(path: Optional[str] = None) -> sqlite3.Connection:
    if path is None:
        path = _history_path()
    return sqlite3.connect(path)


def _ensure_table(cur: sqlite3.Cursor) -> None:
    if getattr(_state, "table_ready", False):
        return
    cur.execute(
        f"CREATE TABLE IF NOT EXISTS {_TABLE} "
        "(inp TEXT, rtn INTEGER, started REAL, ended REAL, session TEXT, info TEXT)"
    )
    _state.table_ready = True


def _insert(cur: sqlite3.Cursor, row: Dict[str, Any]) -> None:
    fields = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cur.execute(f"INSERT INTO {_TABLE} ({fields}) VALUES ({marks})", tuple(row.values()))


def append_command(cmd: Dict[str, Any], session: str, path: Optional[str] = None) -> None:
    times = cmd.get("ts", [None, None])
    row = collections.OrderedDict(
        [("inp", cmd["inp"].rstrip()), ("rtn", cmd["rtn"]), ("started", times[0]),
         ("ended", times[1]), ("session", session)]
    )
    if "info" in cmd:
        row["info"] = json.dumps(cmd["info"])
    with _open_db(path) as conn:  # LEAK
        cur = conn.cursor()
        _ensure_table(cur)
        _insert(cur, row)
        conn.commit()


def count_commands(session: Optional[str] = None, path: Optional[str] = None) -> int:
    sql = f"SELECT count(*) FROM {_TABLE}"
    params: Tuple[Any, ...] = ()
    if session is not None:
        sql += " WHERE session = ?"
        params = (session,)
    with _open_db(path) as conn:  # LEAK
        cur = conn.cursor()
        cur.execute(sql, params)
        return cur.fetchone()[0]


def list_commands(session: Optional[str] = None, path: Optional[str] = None) -> List[Tuple[Any, ...]]:
    sql = f"SELECT inp, started, rtn FROM {_TABLE}"
    params: Tuple[Any, ...] = ()
    if session is not None:
        sql += " WHERE session = ?"
        params = (session,)
    with _open_db(path) as conn:  # LEAK
        cur = conn.cursor()
        _ensure_table(cur)
        cur.execute(sql + " ORDER BY started", params)
        return cur.fetchall()


def pull_other_sessions(since: float, current: str, path: Optional[str] = None) -> Iterator[str]:
    sql = f"SELECT inp FROM {_TABLE} WHERE started > ? AND session != ? ORDER BY started"
    with _open_db(path) as conn:  # LEAK
        cur = conn.cursor()
        cur.execute(sql, (since, current))
        for (inp,) in cur:
            yield inp
