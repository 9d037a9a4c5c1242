"""The database, pool and service-client models (databases.toml, remote_clients.toml,
http_clients.toml) and the suggestions LKL302 gives for the async ones."""

from __future__ import annotations

import pytest

from conftest import findings_by_line
from leaklint import models


@pytest.mark.parametrize(
    "qualname, release, is_async, with_releases",
    [
        ("psycopg2.pool.ThreadedConnectionPool", ("closeall",), False, False),  # no __enter__
        ("psycopg_pool.ConnectionPool", ("close",), False, True),
        ("pyodbc.connect", ("close",), False, False),  # `with` commits only
        ("asyncpg.connect", ("close",), True, False),  # Connection has no __aenter__
        ("asyncpg.create_pool", ("close", "terminate"), True, True),
        ("aiosqlite.connect", ("close",), True, True),
        ("neo4j.GraphDatabase.driver", ("close",), False, True),
        ("netmiko.ConnectHandler", ("disconnect",), False, True),
        ("ldap3.Connection", ("unbind",), False, True),
        ("kazoo.client.KazooClient", ("stop", "close"), False, False),
        ("aiokafka.AIOKafkaProducer", ("stop",), True, True),
        ("urllib3.ProxyManager", ("clear",), False, True),
    ],
)
def test_client_models_say_how_they_are_released(qualname: str, release: tuple, is_async: bool, with_releases: bool) -> None:
    acquire = models.acquisition(qualname)
    assert acquire is not None and acquire.category == "resource"
    assert (acquire.release, acquire.is_async, acquire.with_releases) == (release, is_async, with_releases)


def test_objects_that_close_themselves_when_collected_stay_unmodelled() -> None:
    # ptyprocess/pexpect and pysftp close in __del__; the sync redis client too (docs/models.md).
    for qualname in ("pexpect.spawn", "ptyprocess.PtyProcess.spawn", "pysftp.Connection", "redis.Redis"):
        assert models.acquisition(qualname) is None


ASYNCPG = """\
import asyncpg


async def rows(dsn):
    conn = await asyncpg.connect(dsn)
    return await conn.fetch("select 1")
"""

NATS = """\
import nats


async def notify(servers, payload):
    nc = await nats.connect(servers)
    await nc.publish("updates", payload)
"""

AIOKAFKA_UNAWAITED = """\
from aiokafka import AIOKafkaProducer


async def send(servers, payload):
    producer = AIOKafkaProducer(bootstrap_servers=servers)
    await producer.start()
    await producer.send_and_wait("events", payload)
"""


def test_async_connection_without_async_with_gets_try_finally() -> None:
    # `contextlib.closing` is synchronous: `async with contextlib.closing(...)` would fail.
    finding = findings_by_line(ASYNCPG, "LKL302", "default")[5]
    assert "contextlib.closing" not in finding.suggestion
    assert "conn = await asyncpg.connect(dsn); try: ... finally: await conn.close()" in finding.suggestion


def test_awaited_coroutine_factory_is_awaited_in_the_async_with() -> None:
    # `nats.connect` is `async def`: `async with nats.connect(...)` would enter a coroutine.
    finding = findings_by_line(NATS, "LKL302", "default")[5]
    assert "async with await nats.connect(servers) as nc:" in finding.suggestion


def test_unawaited_factory_keeps_the_plain_async_with() -> None:
    finding = findings_by_line(AIOKAFKA_UNAWAITED, "LKL302", "default")[5]
    assert "async with AIOKafkaProducer(bootstrap_servers=servers) as producer:" in finding.suggestion
