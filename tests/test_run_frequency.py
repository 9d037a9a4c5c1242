"""Run-frequency grading: a resource or cycle leak in code that runs once per process (a script's
``__main__`` block, ``main()``, the helpers only they call) is low; per call or iteration it is not."""

from __future__ import annotations

from typing import List, Optional

import pytest

from leaklint import lint_source
from leaklint.config import Settings, with_overrides
from leaklint.rule import Confidence

STRICT = with_overrides(Settings(), profile="strict")


def _confidences(source: str, code: str, path: str = "m.py") -> List[Optional[Confidence]]:
    return [f.confidence for f in lint_source(source, path, settings=STRICT) if f.code == code]


MAIN_OPENS = "def main():\n    f = open('config')\n    return f.read()\n"
HELPER_FROM_MAIN = (
    "import sys\n\n\ndef _load(path):\n    f = open(path)\n    return f.read()\n\n\n"
    "def main():\n    print(_load(sys.argv[1]))\n"
)
MAIN_GUARD = "import sys\n\nif __name__ == '__main__':\n    f = open(sys.argv[1])\n    print(f.read())\n"


@pytest.mark.parametrize("source", [MAIN_OPENS, HELPER_FROM_MAIN, MAIN_GUARD])
def test_a_file_left_open_by_code_that_runs_once_is_low(source: str) -> None:
    assert _confidences(source, "LKL301") == [Confidence.LOW]
    found = [f for f in lint_source(source, "m.py", settings=STRICT) if f.code == "LKL301"]
    assert "runs once per process" in found[0].message
    assert not [f for f in lint_source(source, "m.py") if f.code == "LKL301"]


def test_a_helper_called_per_loop_iteration_keeps_its_confidence() -> None:
    source = (
        "import sys\n\n\ndef _load(path):\n    f = open(path)\n    return f.read()\n\n\n"
        "def main():\n    for path in sys.argv[1:]:\n        print(_load(path))\n"
    )
    assert _confidences(source, "LKL301") == [Confidence.HIGH]


def test_a_public_helper_of_a_library_module_may_be_called_from_elsewhere() -> None:
    source = HELPER_FROM_MAIN.replace("_load", "load")
    assert _confidences(source, "LKL301") == [Confidence.HIGH]


def test_a_helper_also_handed_on_as_a_callback_keeps_its_confidence() -> None:
    source = HELPER_FROM_MAIN + "\n\nCALLBACKS = [_load]\n"
    assert _confidences(source, "LKL301") == [Confidence.HIGH]


def test_a_request_handler_method_of_a_script_keeps_its_confidence() -> None:
    source = (
        "import socketserver\n\n\nclass Handler(socketserver.BaseRequestHandler):\n"
        "    def handle(self):\n        f = open('log', 'a')\n        f.write('hit')\n\n\n"
        "if __name__ == '__main__':\n    socketserver.TCPServer(('', 8000), Handler).serve_forever()\n"
    )
    assert _confidences(source, "LKL301", "scripts/serve.py") == [Confidence.HIGH]


def test_a_method_a_script_calls_once_from_its_main_block_is_low() -> None:
    source = (
        "import sys\n\n\nclass Dumper:\n    def __init__(self, path):\n        self.path = path\n\n"
        "    def run(self):\n        fp = open(self.path, 'rb')\n        print(fp.read())\n\n\n"
        "if __name__ == '__main__':\n    Dumper(sys.argv[1]).run()\n"
    )
    assert _confidences(source, "LKL301", "scripts/dump.py") == [Confidence.LOW]
    # The same class in an importable library module may be used per request.
    assert _confidences(source, "LKL301", "pkg/dump.py") == [Confidence.HIGH]


def test_a_thread_main_never_joins_still_blocks_exit() -> None:
    source = (
        "import threading\n\n\ndef work():\n    pass\n\n\n"
        "def main():\n    t = threading.Thread(target=work)\n    t.start()\n"
    )
    assert _confidences(source, "LKL303") not in ([], [Confidence.LOW])


def test_a_helper_defined_in_the_main_block_and_called_once_is_low() -> None:
    source = (
        "import socket\n\nif __name__ == '__main__':\n    def check(host):\n"
        "        s = socket.create_connection((host, 3389))\n        return s.recv(4)\n\n"
        "    print(check('localhost'))\n"
    )
    assert _confidences(source, "LKL302", "scripts/check.py") == [Confidence.LOW]


def test_what_the_end_of_the_process_does_not_undo_keeps_its_confidence() -> None:
    left_on_disk = "import tempfile\n\n\ndef main():\n    out = tempfile.mkdtemp()\n    print(out)\n"
    assert _confidences(left_on_disk, "LKL302") not in ([], [Confidence.LOW])
    stdin_closed = (
        "import io\nimport sys\n\n\ndef main():\n"
        "    data = io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8').read()\n    print(data)\n"
    )
    assert _confidences(stdin_closed, "LKL301") not in ([], [Confidence.LOW])


def test_a_factory_of_another_module_called_once_by_a_script_is_low(tmp_path) -> None:
    from leaklint.runner import lint_paths

    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "utils.py").write_text("import socket\n\n\ndef get_sock(host):\n    return socket.create_connection((host, 1))\n")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "chk.py").write_text(
        "from pkg.utils import get_sock\n\n\ndef check(host):\n    s = get_sock(host)\n    if not s.recv(4):\n        return\n"
        "    s.close()\n\n\nif __name__ == '__main__':\n    check('x')\n"
    )
    report = lint_paths([str(tmp_path / "pkg"), str(tmp_path / "scripts")], STRICT)
    found = [f for f in report.findings if f.path.endswith("chk.py") and f.code == "LKL302"]
    assert [f.confidence for f in found] == [Confidence.LOW]
