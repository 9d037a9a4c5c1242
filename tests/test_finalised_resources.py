"""LKL302 "released, but not if an exception is raised before that" on an object that releases
itself when collected is low (strict profile only): 0 real of 31 such findings on samples 4-12
(docs/evaluation/precision-unseen.md). The normal-path leak, an explicit `raise` while it is held,
files (LKL301) and objects without a finaliser keep their confidence."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, findings_by_line
from leaklint.consequence import releases_itself_when_collected

SOCKET_CLOSED_WITHOUT_FINALLY = (
    "import socket\n\n\ndef send(host, payload):\n"
    "    sock = socket.create_connection((host, 80))\n    sock.sendall(payload)\n    sock.close()\n"
)


def test_a_socket_released_on_the_normal_path_is_low() -> None:
    assert 5 not in findings_by_line(SOCKET_CLOSED_WITHOUT_FINALLY, "LKL302", "default")
    finding = findings_by_line(SOCKET_CLOSED_WITHOUT_FINALLY, "LKL302", "strict")[5]
    assert finding.confidence.value == "low"
    assert "releases itself when it is collected" in finding.message


def test_the_fixture_lines_are_low() -> None:
    for name in ("leaks.py",):
        source = (FIXTURES / "LKL302" / name).read_text(encoding="utf-8")
        lines = [n for n, text in enumerate(source.splitlines(), 1) if "released unless something raises: low" in text]
        assert lines, name
        strict = findings_by_line(source, "LKL302", "strict")
        for line in lines:
            assert strict[line].confidence.value == "low", (name, line)


@pytest.mark.parametrize(("early_exit", "confidence"), [
    ("return", "high"),  # never released on a normal path
    ("raise ValueError(host)", "medium"),  # an explicit raise while it is held
])
def test_other_paths_keep_their_confidence(early_exit: str, confidence: str) -> None:
    source = (
        "import socket\n\n\ndef send(host, payload):\n"
        f"    sock = socket.create_connection((host, 80))\n    if not payload:\n        {early_exit}\n"
        "    sock.sendall(payload)\n    sock.close()\n"
    )
    assert findings_by_line(source, "LKL302", "default")[5].confidence.value == confidence


def test_a_client_without_a_finaliser_keeps_its_confidence() -> None:
    # paramiko's transport thread keeps the client's socket alive: nothing closes it when dropped.
    source = (
        "import paramiko\n\n\ndef run(host, cmd):\n"
        "    client = paramiko.SSHClient()\n    client.connect(host)\n    client.exec_command(cmd)\n    client.close()\n"
    )
    assert findings_by_line(source, "LKL302", "default")[5].confidence.value == "medium"


def test_a_file_keeps_its_confidence_when_other_work_can_raise() -> None:
    # Only the file's own writes before the close: tests/test_own_work_raisers.py (low).
    source = "def save(path, item):\n    f = open(path, 'w')\n    f.write(render(item))\n    f.close()\n"
    assert findings_by_line(source, "LKL301", "default")[2].confidence.value == "medium"


def test_the_finalised_kinds() -> None:
    for qualname in ("socket.socket", "sqlite3.connect", "tempfile.TemporaryDirectory",
                     "concurrent.futures.ThreadPoolExecutor", "http.client.HTTPConnection", "serial.Serial"):
        assert releases_itself_when_collected(qualname), qualname
    for qualname in ("paramiko.SSHClient", "pymongo.MongoClient", "selenium.webdriver.Chrome", "zmq.Context",
                     "os.open", "tempfile.mkstemp", "mylib.connect", "httpx.AsyncClient",
                     # a child is reaped only by the next Popen(); pools hold processes
                     "subprocess.Popen", "os.popen", "multiprocessing.Pool", "concurrent.futures.ProcessPoolExecutor"):
        assert not releases_itself_when_collected(qualname), qualname


def test_a_server_that_serves_until_the_process_stops_is_low() -> None:
    # pyramid's pserve, bottle, pywebview: `make_server(...)` then `serve_forever()`.
    source = (
        "from wsgiref.simple_server import make_server\n\n\ndef serve(app):\n"
        "    server = make_server('', 8000, app)\n    server.serve_forever()\n"
    )
    assert 5 not in findings_by_line(source, "LKL302", "default")
    finding = findings_by_line(source, "LKL302", "strict")[5]
    assert finding.confidence.value == "low"
    assert "`server.serve_forever()` on line 6 runs until the process stops" in finding.message
    once = source.replace("serve_forever()", "handle_request()")
    assert findings_by_line(once, "LKL302", "default")[5].confidence.value == "high"


@pytest.mark.parametrize("setup", [
    "session.mount('https://', adapter)",  # apprise, O365: a fresh requests.Session
])
def test_a_session_returned_unless_its_own_set_up_fails_is_low(setup: str) -> None:
    source = (
        "import requests\n\n\ndef make_session(adapter):\n    session = requests.Session()\n"
        f"    {setup}\n    return session\n"
    )
    assert 5 not in findings_by_line(source, "LKL302", "default")
    finding = findings_by_line(source, "LKL302", "strict")[5]
    assert finding.confidence.value == "low"
    assert "only a step that configures it can fail there" in finding.message


@pytest.mark.parametrize(("setup", "confidence"), [
    ("sock.bind(('', port))", "low"),  # pylogix: a configuration error (the port is taken)
    ("sock.connect(('localhost', port))", "medium"),  # python-mpd2: the peer is down (judged real)
])
def test_a_socket_returned_unless_its_set_up_fails(setup: str, confidence: str) -> None:
    source = (
        "import socket\n\n\ndef listen(port):\n    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
        f"    {setup}\n    return sock\n"
    )
    assert findings_by_line(source, "LKL302", "strict")[5].confidence.value == confidence


def test_a_descriptor_returned_unless_its_set_up_fails_keeps_its_confidence() -> None:
    source = (
        "import os\n\n\ndef open_device(path, flags):\n    fd = os.open(path, os.O_RDWR)\n"
        "    os.set_blocking(fd, False)\n    return fd\n"
    )
    assert findings_by_line(source, "LKL301", "default")[5].confidence.value == "medium"


def test_a_device_file_returned_unless_its_ioctl_fails_is_low() -> None:
    # mouse's `make_uinput`: `open('/dev/uinput', 'wb')`, then `fcntl.ioctl(uinput, ...)` and its
    # own writes: only the file's own failure or a bad argument can skip the release.
    source = (
        "import fcntl, struct\n\n\ndef make_device(request):\n    device = open('/dev/uinput', 'wb')\n"
        "    fcntl.ioctl(device, request, 1)\n    device.write(struct.pack('4s', b'kbd'))\n    device.flush()\n"
        "    return device\n"
    )
    assert findings_by_line(source, "LKL301", "strict")[5].confidence.value == "low"


def test_a_loop_returned_unless_installing_it_fails_is_low() -> None:
    # `loop = new_event_loop(); set_event_loop(loop); return loop`: installing a loop just made
    # fails only on an argument that is not a loop, and an unclosed loop closes itself when
    # collected (two such findings on sample 19, in slack-sdk's helpers).
    source = (
        "import asyncio\n\n\ndef get_loop():\n    loop = asyncio.new_event_loop()\n"
        "    asyncio.set_event_loop(loop)\n    return loop\n"
    )
    assert findings_by_line(source, "LKL302", "strict")[5].confidence.value == "low"


def test_a_connection_returned_unless_a_helper_or_a_query_fails_keeps_its_confidence() -> None:
    source = (
        "import sqlite3\n\n\ndef open_db(path, schema):\n    conn = sqlite3.connect(path)\n"
        "    conn.execute(schema)\n    return conn\n"
    )
    assert findings_by_line(source, "LKL302", "default")[5].confidence.value == "medium"


def test_a_socket_returned_unless_its_own_send_fails_keeps_a_connect_medium() -> None:
    # A socket's own methods are not all configuration: `connect` needs a peer.
    source = (
        "import socket\n\n\ndef dial(host):\n    sock = socket.socket()\n    sock.settimeout(3)\n"
        "    sock.connect((host, 80))\n    sock.sendall(b'hello')\n    return sock\n"
    )
    assert findings_by_line(source, "LKL302", "default")[5].confidence.value == "medium"
