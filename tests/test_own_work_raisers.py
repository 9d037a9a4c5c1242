"""LKL301 "released by `f.close()`, but not if an exception is raised before that" when only the
file's own reads and writes (or computations) can raise first is low (strict profile only): what
skips the close is the file's own failure (a full disk, a bad encoding), and a file object is
closed when the failing frame is freed. The 6 such default findings of samples 13-17 were all
judged debatable (impacket, mitmproxy, scrapy). A network call, a parse of what was read, an explicit `raise` or any other
call before the close keep the finding in the default profile."""

from __future__ import annotations

import pytest

from conftest import findings_by_line

OWN_WORK = {
    "write": "def save(path, text):\n    f = open(path, 'w')\n    f.write(text)\n    f.close()\n",
    "read": "def load(path):\n    f = open(path, 'rb')\n    data = f.read()\n    f.close()\n    return data\n",
    "dump": (
        "import pickle\n\ndef store(path, value):\n    f = open(path, 'wb')\n    pickle.dump(value, f)\n"
        "    f.close()\n"
    ),
    "descriptor": (
        "import os, tempfile\n\ndef spill(body):\n    fd, name = tempfile.mkstemp()\n    os.write(fd, body)\n"
        "    os.close(fd)\n    return name\n"
    ),
    "formatting": (
        "def log(path, user, n):\n    f = open(path, 'a')\n    f.write('%s: %d\\n' % (user, n))\n"
        "    f.write(str(n).rjust(4))\n    f.close()\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(OWN_WORK))
def test_only_the_files_own_work_before_the_close_is_low(shape: str) -> None:
    source = OWN_WORK[shape]
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "open(" in text or "mkstemp(" in text)
    assert line not in findings_by_line(source, "LKL301", "default")
    finding = findings_by_line(source, "LKL301", "strict")[line]
    assert finding.confidence.value == "low"
    assert "only a read or write of the" in finding.message


OTHER_WORK = {
    "network": (
        "def upload(path, api):\n    fp = open(path, 'rb')\n    api.upload(fp.read())\n    fp.close()\n"
    ),
    "parse": (
        "import json\n\ndef load(path):\n    f = open(path)\n    data = json.loads(f.read())\n    f.close()\n"
        "    return data\n"
    ),
    "raise": (
        "def load(path):\n    f = open(path)\n    data = f.read()\n    if not data:\n"
        "        raise ValueError(path)\n    f.close()\n    return data\n"
    ),
    "lookup": (
        "def save(path, table, key):\n    f = open(path, 'w')\n    f.write(table[key])\n    f.close()\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(OTHER_WORK))
def test_other_work_before_the_close_keeps_the_finding(shape: str) -> None:
    source = OTHER_WORK[shape]
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "open(" in text)
    assert findings_by_line(source, "LKL301", "default")[line].confidence.value == "medium"


def test_a_client_whose_own_calls_raise_keeps_the_finding() -> None:
    # The mechanism is for files: a client's own calls talk to a peer.
    source = (
        "import paramiko\n\n\ndef run(host, cmd):\n    client = paramiko.SSHClient()\n"
        "    client.exec_command(cmd)\n    client.close()\n"
    )
    assert findings_by_line(source, "LKL302", "default")[5].confidence.value == "medium"


# The same file lost only to its own failure, whatever the handler does next: it returns, raises a
# new error, or re-raises (pefile, ropgadget, pysmi: 5 findings, all judged debatable).
OWN_FAILURE_HANDLED = {
    "caught-and-returned": (
        "def load(path):\n    try:\n        f = open(path, 'rb')\n        data = f.read()\n        f.close()\n"
        "    except Exception:\n        print('cannot read', path)\n        return None\n    return data\n"
    ),
    "new-error": (
        "class ReadError(Exception):\n    pass\n\n\ndef head(path):\n    try:\n        fp = open(path, 'rb')\n"
        "        magic = fp.read(8)\n        fp.close()\n    except OSError:\n        raise ReadError(path)\n"
        "    return magic\n"
    ),
    "re-raised": (
        "def load(path):\n    try:\n        f = open(path, 'rt')\n        text = f.read()\n        f.close()\n"
        "    except OSError:\n        raise\n    return text\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(OWN_FAILURE_HANDLED))
def test_a_file_lost_only_to_its_own_failure_is_low_however_it_is_handled(shape: str) -> None:
    source = OWN_FAILURE_HANDLED[shape]
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "open(" in text)
    assert line not in findings_by_line(source, "LKL301", "default")
    assert findings_by_line(source, "LKL301", "strict")[line].confidence.value == "low"


OTHER_FAILURE_HANDLED = {
    # a socket's caught failure (apprise's rsyslog: judged real)
    "socket": (
        "import socket\n\n\ndef notify(host, payload):\n    try:\n        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
        "        sock.sendto(payload, (host, 514))\n        sock.close()\n    except OSError:\n        return False\n"
        "    return True\n"
    ),
    # a raw descriptor has no object to close it (pysmi's mkstemp: judged real)
    "descriptor": (
        "import os, tempfile\n\n\ndef put(path, text):\n    fd, name = tempfile.mkstemp(dir=path)\n    try:\n"
        "        os.write(fd, text)\n        os.close(fd)\n    except OSError:\n        os.remove(name)\n"
        "        raise RuntimeError(name)\n    return name\n"
    ),
    # a peer's failure caught before the close
    "network": (
        "def fetch(path, api):\n    try:\n        f = open(path, 'wb')\n        f.write(api.download())\n        f.close()\n"
        "    except OSError:\n        return None\n    return path\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(OTHER_FAILURE_HANDLED))
def test_other_failures_handled_keep_the_finding(shape: str) -> None:
    source = OTHER_FAILURE_HANDLED[shape]
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "socket(" in text or "mkstemp(" in text or "open(" in text)
    code = "LKL302" if shape == "socket" else "LKL301"
    assert findings_by_line(source, code, "default")[line].confidence.value == "medium"
