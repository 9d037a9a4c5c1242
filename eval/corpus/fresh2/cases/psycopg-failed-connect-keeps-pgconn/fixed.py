from __future__ import annotations

from typing import Any, Generator

from psycopg import errors as e
from psycopg import pq

POLL_OK = pq.PollingStatus.OK
POLL_FAILED = pq.PollingStatus.FAILED
BAD = pq.ConnStatus.BAD

PQGen = Generator[Any, Any, Any]


def connect(conninfo: str) -> PQGen:
    """Generator that starts a connection and waits until it is ready."""
    conn = pq.PGconn.connect_start(conninfo.encode())
    while True:
        if conn.status == BAD:
            message = conn.error_message.decode("utf-8", "replace")
            # release the socket now; the error keeps only the diagnostics
            conn.finish()
            raise e.OperationalError(f"connection is bad: {message}", pgconn=conn)
        status = conn.connect_poll()
        if status == POLL_OK:
            break
        if status == POLL_FAILED:
            message = conn.error_message.decode("utf-8", "replace")
            conn.finish()
            raise e.OperationalError(f"connection failed: {message}", pgconn=conn)
        yield conn.socket, status
    conn.nonblocking = 1
    return conn
