"""Consequence grading found by precision samples on unseen packages: what stays in the default
profile and what a maintainer would not change (low, or quiet)."""

from __future__ import annotations

from leaklint.rule import Confidence

from conftest import findings_by_line

EMITTERS = """\
class Page:
    def __init__(self, client, bus):
        self._client = client
        self._frames = FrameManager(client)
        frames = self._frames
        frames.on("attached", lambda event: self.emit("attached", event))
        client.on("loaded", lambda event: self._on_loaded(event))
        bus.on("changed", lambda event: self._on_changed(event))

    def emit(self, *args):
        pass

    def _on_loaded(self, event):
        pass

    def _on_changed(self, event):
        pass
"""


def test_lkl401_emitter_the_object_owns_or_keeps_is_not_a_default_finding() -> None:
    strict = findings_by_line(EMITTERS, "LKL401", "strict")
    # a local alias of its own attribute: the emitter dies with the object, nothing to report
    assert 6 not in strict
    # the session it was built for and keeps (`self._client = client`): low
    assert strict[7].confidence is Confidence.LOW
    assert "self._client = client" in strict[7].message
    # an emitter it was only handed (`bus`): it may outlive the object, still reported
    assert strict[8].confidence is not Confidence.LOW
    assert set(findings_by_line(EMITTERS, "LKL401", "default")) == {8}


CLEARED_CACHES = """\
import functools


class Resolver:
    def configure(self, updated):
        if "dns" in updated:
            self.name_servers.cache_clear()

    @functools.cache
    def name_servers(self):
        return []

    @functools.cache
    def lookup(self, host):
        return host
"""


def test_lkl203_cache_the_class_empties_itself_is_low() -> None:
    strict = findings_by_line(CLEARED_CACHES, "LKL203", "strict")
    assert strict[9].confidence is Confidence.LOW and "`configure` empties it" in strict[9].message
    # a cache nobody in the class empties keeps every instance: still a default finding
    assert strict[13].confidence is Confidence.HIGH
    assert set(findings_by_line(CLEARED_CACHES, "LKL203", "default")) == {13}


SERVERS = """\
import socketserver


class DaemonMixin:
    daemon_threads = True


class QuietServer(DaemonMixin, socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    pass


class LoudServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    pass
"""


def test_lkl303_daemon_threads_set_by_a_mixin_of_the_module_counts() -> None:
    assert set(findings_by_line(SERVERS, "LKL303", "strict")) == {12}


REACTOR = """\
import asyncio


class Process:
    async def join(self):
        pass

    def start(self):
        from twisted.internet import reactor

        loop = asyncio.get_event_loop()
        join_task = loop.create_task(self.join())
        join_task.add_done_callback(self._stop)
        reactor.run()

    def start_later(self):
        loop = asyncio.get_event_loop()
        join_task = loop.create_task(self.join())
        join_task.add_done_callback(self._stop)

    def _stop(self, task):
        pass
"""


def test_lkl304_task_local_kept_while_the_twisted_reactor_runs() -> None:
    assert set(findings_by_line(REACTOR, "LKL304", "strict")) == {18}
