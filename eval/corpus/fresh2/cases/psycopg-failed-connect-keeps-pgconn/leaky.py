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
    conn = pq.PGconn.connect_start(conninfo.encode())  # LEAK
    while True:
        if conn.status == BAD:
            encoding = "utf-8"
            raise e.OperationalError(
                f"connection is bad: {conn.error_message.decode(encoding, 'replace')}",
                pgconn=conn,
            )
        status = conn.connect_poll()
        if status == POLL_OK:
            break
        if status == POLL_FAILED:
            raise e.OperationalError(
                f"connection failed: {conn.error_message.decode('utf-8', 'replace')}",
                pgconn=conn,
            )
        yield conn.socket, status
    conn.nonblocking = 1
    return conn
