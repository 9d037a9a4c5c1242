"""Instances of a project class that owns a resource and frees it in ``close()`` are judged like
the resource itself (analysis/resource_classes.py); cross-module callers are in the fixture
folder ``tests/fixtures/LKL302/owning``."""

from __future__ import annotations

from conftest import findings_by_line

OWNER = '''
import socket


class Feed:
    def __init__(self, host):
        self._conn = socket.create_connection((host, 9000))

    def poll(self):
        return self._conn.recv(512)

    def close(self):
        self._conn.close()
'''


def test_a_local_instance_never_closed_is_reported() -> None:
    source = OWNER + "\n\ndef latest(host):\n    feed = Feed(host)\n    return feed.poll()\n"
    line = source.splitlines().index("    feed = Feed(host)") + 1
    finding = findings_by_line(source, "LKL302", "default")[line]
    assert "`feed` (from `Feed(host)`) is never closed" in finding.message


def test_closed_in_finally_or_handed_to_the_caller_is_quiet() -> None:
    closed = OWNER + (
        "\n\ndef latest(host):\n    feed = Feed(host)\n    try:\n        return feed.poll()\n"
        "    finally:\n        feed.close()\n"
        "\n\ndef connect(host):\n    feed = Feed(host)\n    return feed\n"
    )
    assert not findings_by_line(closed, "LKL302", "strict")


def test_an_explicit_raise_while_it_is_held_is_reported() -> None:
    source = OWNER + (
        "\n\ndef first(host):\n    feed = Feed(host)\n    data = feed.poll()\n    if not data:\n"
        "        raise EOFError(host)\n    feed.close()\n    return data\n"
    )
    line = source.splitlines().index("    feed = Feed(host)") + 1
    assert "raises" in findings_by_line(source, "LKL302", "default")[line].message


def test_an_async_close_is_an_async_release() -> None:
    source = (
        "import aiohttp\n\n\nclass Api:\n    def __init__(self):\n        self._http = aiohttp.ClientSession()\n\n"
        "    async def aclose(self):\n        await self._http.close()\n\n\n"
        "async def fetch(url):\n    api = Api()\n    return await api._http.get(url)\n\n\n"
        "async def fetch_closed(url):\n    api = Api()\n    try:\n        return await api._http.get(url)\n"
        "    finally:\n        await api.aclose()\n"
    )
    found = findings_by_line(source, "LKL302", "strict")
    assert sorted(found) == [13]


def test_a_wrapper_of_a_callers_stream_is_not_a_resource() -> None:
    source = (
        "class Lines:\n    def __init__(self, stream):\n        self._stream = stream\n\n"
        "    def close(self):\n        self._stream.close()\n\n\n"
        "def count(stream):\n    lines = Lines(stream)\n    return len(lines._stream.read().splitlines())\n"
    )
    assert not findings_by_line(source, "LKL302", "strict")


def test_a_context_manager_closing_what_it_was_given_is_low() -> None:
    # The class says its instances must be closed, but the member came from the caller.
    source = (
        "class Session:\n    def __init__(self, transport):\n        self._transport = transport\n\n"
        "    def start(self):\n        self._transport.send(b'hello')\n\n"
        "    def close(self):\n        self._transport.close()\n\n"
        "    def __enter__(self):\n        return self\n\n    def __exit__(self, *exc):\n        self.close()\n\n\n"
        "def load_all(transports):\n    sessions = []\n    for transport in transports:\n        try:\n"
        "            session = Session(transport)\n            session.start()\n            sessions.append(session)\n"
        "        except OSError:\n            pass\n    return sessions\n"
    )
    line = source.splitlines().index("            session = Session(transport)") + 1
    assert line not in findings_by_line(source, "LKL302", "default")
    assert findings_by_line(source, "LKL302", "strict")[line].confidence.value == "low"


def test_a_public_member_of_an_owner_without_close_is_low() -> None:
    # `holder.feed` is the owner's interface: its caller may well close `holder.feed`.
    source = OWNER + "\n\nclass Holder:\n    def __init__(self, host):\n        self.feed = Feed(host)\n"
    line = source.splitlines().index("        self.feed = Feed(host)") + 1
    assert line not in findings_by_line(source, "LKL302", "default")
    assert findings_by_line(source, "LKL302", "strict")[line].confidence.value == "low"


def test_a_private_member_of_an_owner_that_never_closes_it_is_reported() -> None:
    source = OWNER + (
        "\n\nclass Watcher:\n    def __init__(self, host):\n        self._feed = Feed(host)\n\n"
        "    def close(self):\n        pass\n"
    )
    line = source.splitlines().index("        self._feed = Feed(host)") + 1
    assert "nothing in the class calls `self._feed.close()`" in findings_by_line(source, "LKL302", "default")[line].message


def test_an_owner_that_closes_its_member_is_quiet() -> None:
    source = OWNER + (
        "\n\nclass Watcher:\n    def __init__(self, host):\n        self._feed = Feed(host)\n\n"
        "    def close(self):\n        self._feed.close()\n"
    )
    assert not findings_by_line(source, "LKL302", "strict")


def test_a_chained_method_that_returns_the_instance_keeps_it() -> None:
    source = OWNER.replace("    def close(self):", "    def start(self):\n        return self\n\n    def close(self):") + (
        "\n\nclass Stream:\n    def open(self):\n        return Feed('localhost').start()\n"
        "\n\ndef peek(host):\n    return Feed(host).poll()\n"
    )
    found = findings_by_line(source, "LKL302", "default")
    assert [line for line in found] == [source.splitlines().index("    return Feed(host).poll()") + 1]


def test_an_owner_defined_before_the_class_it_owns_is_an_owner() -> None:
    # `Pair` comes first in the file; it still owns the Feed's socket (not "low": a weak class).
    source = (
        "import socket\n\n\nclass Pair:\n    def __init__(self, host):\n        self._feed = Feed(host)\n\n"
        "    def close(self):\n        self._feed.close()\n\n    def __enter__(self):\n        return self\n\n"
        "    def __exit__(self, *exc):\n        self.close()\n"
    ) + OWNER.replace("import socket\n", "") + "\n\ndef use(host):\n    pair = Pair(host)\n    return pair._feed.poll()\n"
    line = source.splitlines().index("    pair = Pair(host)") + 1
    assert findings_by_line(source, "LKL302", "default")[line].confidence.value == "high"
