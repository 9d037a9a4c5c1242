"""LKL310: the confidence of a close skipped by a caught error (medium on an attribute or a
parameter, low on a local the function's return closes anyway)."""

from __future__ import annotations

from conftest import findings_by_line

SOURCE = '''import socket


class Client:
    def __init__(self, sock):
        self.sock = sock

    def shutdown(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
            self.sock.close()
        except OSError:
            pass


def probe(port):
    s = socket.socket()
    try:
        s.bind(("", port))
        s.close()
    except OSError:
        pass
'''


def test_attribute_is_shown_by_default_and_a_local_only_in_strict() -> None:
    default = findings_by_line(SOURCE, "LKL310", "default")
    strict = findings_by_line(SOURCE, "LKL310", "strict")
    assert sorted(default) == [11]
    assert sorted(strict) == [11, 20]
    assert strict[20].confidence.name.lower() == "low"
