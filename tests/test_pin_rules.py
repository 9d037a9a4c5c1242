"""LKL108 and LKL109 beyond their fixtures: confidence policy, models from pyproject, and no
line reported twice with the older rules that look at neighbouring shapes (LKL104, LKL105, LKL401)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import List, Tuple

from leaklint import lint_source
from leaklint.config import Settings, load_settings, settings_from_table, with_overrides
from leaklint.engine import analyze_source
from leaklint.registry import all_rules
from leaklint.rule import Confidence
from leaklint.runner import lint_paths


def _found(source: str, code: str) -> List[Tuple[int, Confidence]]:
    return [(f.line, f.confidence) for f in lint_source(source, "example.py") if f.code == code]


PER_INSTANCE = """\
import atexit


class Client:
    def __init__(self, pool):
        self.pool = pool
        atexit.register(self.pool.shutdown)
"""


def test_lkl108_graded_by_how_often_instances_are_made() -> None:
    # Every instance stays until exit; how many there are is not known here: medium.
    assert _found(PER_INSTANCE, "LKL108") == [(7, Confidence.MEDIUM)]
    # The module makes one per call: one more pinned each time.
    per_call = PER_INSTANCE + "\n\ndef connect(pool):\n    return Client(pool)\n"
    assert _found(per_call, "LKL108") == [(7, Confidence.HIGH)]
    # One per process: pinned until exit anyway, strict profile only.
    singleton = PER_INSTANCE + "\n\nCLIENT = Client(None)\n"
    assert _found(singleton, "LKL108") == []  # the default profile leaves low findings out


def test_lkl108_finalizer_at_import_time_is_medium_and_static_callback_is_quiet() -> None:
    source = "import weakref\n\n\nclass R:\n    def close(self):\n        pass\n\n\nr = R()\nweakref.finalize(r, r.close)\n"
    assert _found(source, "LKL108") == [(10, Confidence.MEDIUM)]
    assert _found("import weakref\n\n\ndef _close(h):\n    h.close()\n\n\ndef watch(r):\n    weakref.finalize(r, _close, r.handle)\n", "LKL108") == []


def test_lkl108_logger_names() -> None:
    per_request = "import logging\n\n\ndef handle(request_id):\n    return logging.getLogger('req.' + request_id)\n"
    assert _found(per_request, "LKL108") == [(5, Confidence.MEDIUM)]
    by_id = "import logging\n\n\nclass Job:\n    def run(self):\n        return logging.getLogger(f'job.{id(self)}')\n"
    assert _found(by_id, "LKL108") == [(6, Confidence.HIGH)]
    child = "import logging\nimport uuid\nlog = logging.getLogger(__name__)\n\n\ndef run():\n    return log.getChild(str(uuid.uuid4()))\n"
    assert _found(child, "LKL108") == [(7, Confidence.HIGH)]
    assert _found("import logging\n\n\ndef make(component):\n    return logging.getLogger(component)\n", "LKL108") == []


def test_lkl108_reads_retain_models_from_pyproject(tmp_path: Path) -> None:
    source = (
        "import mylib\n\n\nclass Service:\n    def __init__(self):\n        mylib.on_shutdown(self.stop)\n\n"
        "    def stop(self):\n        pass\n"
    )
    (tmp_path / "m.py").write_text(source, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.leaklint]\nselect = ['LKL108']\n", encoding="utf-8")
    assert lint_paths([str(tmp_path / "m.py")], load_settings(tmp_path)).findings == []
    (tmp_path / "pyproject.toml").write_text(
        "[tool.leaklint]\nselect = ['LKL108']\n\n[tool.leaklint.models.retain]\n"
        '"mylib.on_shutdown" = { args = [0], undo = "mylib.remove_shutdown_hook" }\n',
        encoding="utf-8",
    )
    findings = lint_paths([str(tmp_path / "m.py")], load_settings(tmp_path)).findings
    assert [(f.code, f.line) for f in findings] == [("LKL108", 6)]
    assert "mylib.remove_shutdown_hook" in findings[0].suggestion
    done = subprocess.run(
        [sys.executable, "-m", "leaklint", "check", "m.py", "--no-cache"], cwd=tmp_path, capture_output=True,
        text=True, timeout=120,
    )
    assert done.returncode == 1 and "m.py:6:9: LKL108" in done.stdout


def test_lkl108_weak_signal_library_from_user_models() -> None:
    source = (
        "from mybus import changed\n\n\nclass View:\n    def __init__(self):\n        changed.connect(self.redraw)\n\n"
        "    def redraw(self):\n        pass\n"
    )
    assert [f.line for f in lint_source(source, "v.py") if f.code == "LKL108"] == [6]
    settings = settings_from_table({"models": {"signal-library": {"mybus": {"weak-by-default": True}}}}, ".", None)
    analysis = analyze_source(source, "v.py", all_rules(), settings.rule_settings())
    assert [f.code for f in analysis.result.findings] == []


def test_lkl109_confidence_follows_growth() -> None:
    grows = (
        "class R:\n    def __init__(self):\n        self.failed = []\n\n    def run(self, job):\n        try:\n"
        "            job()\n        except Exception as exc:\n            self.failed.append((job, exc))\n"
    )
    assert _found(grows, "LKL109") == [(9, Confidence.HIGH)]
    replaces = (
        "import sys\n\n\nclass R:\n    def run(self, job):\n        try:\n            job()\n"
        "        except Exception:\n            self.info = sys.exc_info()\n"
    )
    # one slot keeps the latest failure only: low, shown by the strict profile
    assert _found(replaces, "LKL109") == []
    strict = with_overrides(Settings(), profile="strict")
    assert [(f.line, f.confidence) for f in lint_source(replaces, "example.py", settings=strict)
            if f.code == "LKL109"] == [(9, Confidence.LOW)]
    released = replaces + "\n    def reset(self):\n        self.info = None\n"
    assert _found(released, "LKL109") == []


NEIGHBOURS = """\
import atexit
import signal
import sys
import weakref


class Service:
    def __init__(self, state):
        self.errors = []
        atexit.register(self.stop)
        atexit.register(lambda: self.stop())
        signal.signal(signal.SIGTERM, lambda signum, frame: self.stop())
        signal.signal(signal.SIGHUP, self.reload)
        weakref.finalize(self, lambda: self.stop())
        weakref.finalize(self, self.stop)

    def stop(self):
        pass

    def reload(self, signum, frame):
        pass

    def run(self, job):
        try:
            job()
        except Exception as exc:
            self.errors.append(exc)
            self.errors.append((job, exc))
            self.last = exc
            self.info = sys.exc_info()

    def result(self):
        raise self.last
"""


def test_no_line_is_reported_twice_by_neighbouring_rules() -> None:
    findings = lint_source(NEIGHBOURS, "service.py")
    per_line = Counter(f.line for f in findings)
    assert [line for line, count in per_line.items() if count > 1] == []
    codes = {f.line: f.code for f in findings}
    assert codes[10] == "LKL104"  # atexit.register(self.method): LKL104's
    assert codes[15] == "LKL108"
    # `signal.signal(..., self.reload)`: a one-value registry pins only the latest Service, low
    # confidence (strict profile only).
    assert 13 not in codes
    assert codes[27] == "LKL105" and codes[28] == "LKL109"
    # `self.last = exc` is kept to be re-raised by result(): LKL105 grades that low, one slot
    # (`self.info`) is low for LKL109, and the re-raise on line 33 of an exception the class
    # caught itself adds no new cycle: all three show only under the strict profile.
    assert 29 not in codes and 30 not in codes and 33 not in codes
    strict = with_overrides(Settings(), profile="strict")
    strict_codes = {f.line: f.code for f in lint_source(NEIGHBOURS, "service.py", settings=strict)}
    assert strict_codes[29] == "LKL105" and strict_codes[30] == "LKL109" and strict_codes[33] == "LKL109"


def test_flake8_reads_the_user_models_too(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        "import mylib\n\n\nclass Service:\n    def __init__(self):\n        mylib.on_shutdown(self.stop)\n\n"
        "    def stop(self):\n        pass\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.leaklint.models.retain]\n"mylib.on_shutdown" = { args = [0] }\n', encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "LKL", "--jobs", "1", "m.py"], cwd=tmp_path,
        capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert [line.split(" ")[1] for line in done.stdout.splitlines()] == ["LKL108"]
    assert done.stdout.startswith("./m.py:6:9: LKL108") or done.stdout.startswith("m.py:6:9: LKL108")


def test_one_value_registries_are_low_and_shown_by_the_strict_profile() -> None:
    from leaklint.config import Settings, with_overrides

    source = (
        "import signal\nimport sys\n\n\nclass Worker:\n    def start(self):\n"
        "        signal.signal(signal.SIGTERM, self.stop)\n        sys.settrace(self.trace)\n\n"
        "    def stop(self, signum, frame):\n        pass\n\n    def trace(self, frame, event, arg):\n        return None\n"
    )
    assert [f for f in lint_source(source, "worker.py") if f.code == "LKL108"] == []
    strict = [f for f in lint_source(source, "worker.py", settings=with_overrides(Settings(), profile="strict")) if f.code == "LKL108"]
    assert [(f.line, f.confidence.value) for f in strict] == [(7, "low"), (8, "low")]
    assert all("only the latest `Worker`" in f.message for f in strict)


KEPT_FOR_TRACEBACK = """\
import traceback

try:
    import isotp_missing_for_test
    _isotp_err = None
except Exception as e:
    _isotp_err = e

try:
    import can_missing_for_test
except Exception as e:
    _can_err = e


def connect():
    if _isotp_err is not None:
        raise _isotp_err


class Parse:
    def __init__(self):
        self.errors = []

    def start(self, job):
        try:
            job()
        except Exception as e:
            self.errors.append(("msv", e))

    def report(self):
        return [traceback.format_tb(err.__traceback__) for _, err in self.errors]


class Runner:
    def __init__(self):
        self.errors = []

    def start(self, job):
        try:
            job()
        except Exception as e:
            self.errors.append(("msv", e))
"""


def test_lkl109_exceptions_kept_for_their_traceback_are_low() -> None:
    strict = with_overrides(Settings(), profile="strict")
    found = [(f.line, f.confidence) for f in lint_source(KEPT_FOR_TRACEBACK, "example.py", settings=strict)
             if f.code == "LKL109"]
    # re-raised by the module itself: low; the global nobody raises again stays medium; the class
    # that formats its kept tracebacks is low, the one next to it that never reads them stays high
    assert found == [(7, Confidence.LOW), (12, Confidence.MEDIUM), (28, Confidence.LOW), (42, Confidence.HIGH)]
