"""The plugin while it is on: brackets each test, collects its leaks, reports them."""

from __future__ import annotations

import os
import tracemalloc
from typing import Any, Dict, Generator, List, Optional, Sequence, Set

import pytest

from leaklint.pytest_plugin import CHECKS, DEFAULT_TRACEMALLOC_FRAMES
from leaklint.pytest_plugin.concurrency import TaskWatch, ThreadWatch
from leaklint.pytest_plugin.cycles import CycleWatch
from leaklint.pytest_plugin.growth import repeat_and_measure
from leaklint.pytest_plugin.leaks import RuntimeLeak, format_size, from_wire, to_wire, write_report
from leaklint.pytest_plugin.resources import WarningWatch


def _parse_checks(text: str) -> List[str]:
    checks = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [c for c in checks if c not in CHECKS]
    if unknown:
        raise pytest.UsageError(f"leaklint: unknown check(s) {', '.join(unknown)} (choose from {', '.join(CHECKS)})")
    return checks


WORKER_OUTPUT_KEY = "leaklint_runtime"


class LeakSession:
    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        # Under pytest-xdist each worker watches its own tests and hands its leaks to the
        # controller, which alone prints the summary and writes the report.
        self.is_xdist_worker = hasattr(config, "workerinput")
        self.mode = config.getoption("leaklint_mode") or config.getini("leaklint_mode") or "warn"
        if self.mode not in ("warn", "fail"):
            raise pytest.UsageError(f"leaklint_mode must be warn or fail, not {self.mode!r}")
        self.checks = _parse_checks(config.getoption("leaklint_checks") or config.getini("leaklint_checks"))
        repeat = config.getoption("leaklint_repeat")
        self.repeat = int(repeat if repeat is not None else config.getini("leaklint_repeat") or 0)
        frames = config.getoption("leaklint_tracemalloc")
        frames = int(frames if frames is not None else config.getini("leaklint_tracemalloc") or DEFAULT_TRACEMALLOC_FRAMES)
        self._frames = frames
        self._started_tracemalloc = False
        self.leaks: List[RuntimeLeak] = []
        self.by_test: Dict[str, List[RuntimeLeak]] = {}
        self.tests_checked = 0
        self._tasks: Optional[TaskWatch] = None
        if "tasks" in self.checks:
            self._tasks = TaskWatch()
            self._tasks.install()
        self._threads = ThreadWatch()
        self._cycles: Optional[CycleWatch] = None
        self._warnings: Optional[WarningWatch] = None
        self._pending: List[RuntimeLeak] = []
        self._call_failed = False

    # -- one test ---------------------------------------------------------------------------------

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> Generator[None, Any, None]:
        self._pending = []
        self._call_failed = False
        if self._frames > 0 and not tracemalloc.is_tracing():
            # Traced per test only: pytest's own work between tests (and collection, where some
            # plugins import whole packages) would otherwise pay for it many times over.
            tracemalloc.start(self._frames)
            self._started_tracemalloc = True
        if "resources" in self.checks:
            self._warnings = WarningWatch()
            self._warnings.start(item.nodeid)
        if "cycles" in self.checks:
            self._cycles = CycleWatch()
            self._cycles.start()
        yield

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, Any, None]:
        if "threads" in self.checks:
            self._threads.call_started()
        if self._tasks is not None:
            self._tasks.call_started()
        rounds = self._rounds(item)
        if rounds and "growth" in self.checks and isinstance(item, pytest.Function):
            try:
                self._pending.extend(repeat_and_measure(item.runtest, rounds, item.nodeid))
            except Exception:  # noqa: BLE001 - the real call below reports the test's failure
                pass
        outcome = yield
        self._call_failed = outcome.excinfo is not None
        if "threads" in self.checks:
            self._threads.call_ended()
        if self._tasks is not None:
            self._pending.extend(self._tasks.call_ended(item.nodeid))

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_teardown(self, item: pytest.Item, nextitem: Optional[pytest.Item]) -> Generator[None, Any, None]:
        yield
        try:
            self._finish_test(item)
        except Exception as error:  # noqa: BLE001 - never fail the user's test for our own bug
            self._cycles = None  # finish() gave the collector back in its finally
            if self._warnings is not None:
                self._warnings.stop()
                self._warnings = None
            self._stop_tracing()
            item.warn(pytest.PytestWarning(f"leaklint: the runtime check failed on this test: {error!r}"))

    def _finish_test(self, item: pytest.Item) -> None:
        # Every fixture of the test is finalized now: what is still around was left behind.
        leaks = self._pending
        self._pending = []
        if "threads" in self.checks:
            leaks.extend(self._threads.finish(item.nodeid))
        if self._cycles is not None:
            cycles = self._cycles.finish(item.nodeid)
            self._cycles = None
            if not self._call_failed:  # a failed test's traceback is kept by pytest on purpose
                leaks.extend(cycles)
        if self._warnings is not None:
            leaks.extend(self._warnings.stop())
            self._warnings = None
        leaks = _distinct(self._tolerated(item, leaks))
        self._stop_tracing()  # pytest's own work between tests need not pay for tracing
        self.tests_checked += 1
        if leaks:
            self.by_test[item.nodeid] = leaks
            self.leaks.extend(leaks)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
        outcome = yield
        if call.when != "teardown" or self.mode != "fail":
            return
        leaks = self.by_test.get(item.nodeid)
        report = outcome.get_result()
        if leaks and report.passed:
            report.outcome = "failed"
            report.longrepr = "leaklint: the test leaked at runtime\n" + "\n".join(describe(leak) for leak in leaks)

    def _rounds(self, item: pytest.Item) -> int:
        marker = item.get_closest_marker("leaklint_repeat")
        if marker is not None:
            value = marker.kwargs.get("n", marker.args[0] if marker.args else 3)
            return max(int(value), 2)
        return self.repeat if self.repeat >= 2 else 0

    def _tolerated(self, item: pytest.Item, leaks: List[RuntimeLeak]) -> List[RuntimeLeak]:
        ignored: Set[str] = set()
        for marker in item.iter_markers("leaklint_ignore"):
            if not marker.args:
                return []
            ignored.update(str(arg) for arg in marker.args)
        if not ignored:
            return leaks
        return [
            leak
            for leak in leaks
            if leak.kind not in ignored and not any(code.startswith(prefix) for code in leak.codes for prefix in ignored)
        ]

    # -- the end of the session -------------------------------------------------------------------

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        write = terminalreporter.write_line
        if not self.leaks:
            terminalreporter.write_sep("-", "leaklint: no runtime leaks")
            write(f"leaklint: {self.tests_checked} tests checked ({', '.join(self.checks)})")
            return
        terminalreporter.write_sep("=", "leaklint: runtime leaks", yellow=True)
        for test, leaks in self.by_test.items():
            write(test)
            for leak in leaks:
                write("  " + describe(leak))
        noun = "leak" if len(self.leaks) == 1 else "leaks"
        line = f"leaklint: {len(self.leaks)} runtime {noun} in {len(self.by_test)} of {self.tests_checked} tests"
        report = self.config.getoption("leaklint_report")
        if report:
            line += f" (JSON: {report}; `leaklint check --runtime-report {report}` marks the static findings they confirm)"
        write(line)

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        """pytest-xdist, on the controller: a worker finished; take over what it found."""
        output = getattr(node, "workeroutput", None) or {}
        found = output.get(WORKER_OUTPUT_KEY)
        if not found:
            return
        self.tests_checked += int(found.get("tests_checked", 0))
        for row in found.get("leaks", []):
            leak = from_wire(row)
            self.leaks.append(leak)
            self.by_test.setdefault(leak.test, []).append(leak)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.is_xdist_worker:
            self.config.workeroutput[WORKER_OUTPUT_KEY] = {  # type: ignore[attr-defined]
                "tests_checked": self.tests_checked,
                "leaks": [to_wire(leak) for leak in self.leaks],
            }
            self._stop_tracing()
            return
        report = self.config.getoption("leaklint_report")
        if report:
            rootdir = str(self.config.rootpath)
            path = report if os.path.isabs(report) else os.path.join(str(self.config.invocation_params.dir), report)
            write_report(path, self.leaks, rootdir, self.tests_checked, self.checks)
        self._stop_tracing()

    def _stop_tracing(self) -> None:
        # Before the terminal summary: other plugins import whole packages there (hypothesis
        # does), which is many times slower while tracemalloc records every allocation.
        if self._started_tracemalloc:
            tracemalloc.stop()
            self._started_tracemalloc = False

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        if self._tasks is not None:
            self._tasks.uninstall()
        if self._cycles is not None:  # interrupted inside a test: give the collector back
            self._cycles.finish("<interrupted>")
            self._cycles = None
        self._stop_tracing()


def _distinct(leaks: List[RuntimeLeak]) -> List[RuntimeLeak]:
    """One entry per (rule, site): a body run several times leaks the same thing each time."""
    seen: Dict[Any, RuntimeLeak] = {}
    for leak in leaks:
        key = (leak.kind, leak.code, leak.path, leak.line, leak.type if leak.path is None else "")
        if key not in seen:
            seen[key] = leak
    return list(seen.values())


def describe(leak: RuntimeLeak) -> str:
    where = _shown(leak.path, leak.line)
    size = f" [{format_size(leak.size)}]" if leak.size else ""
    also = f" (also {', '.join(leak.codes[1:])})" if len(leak.codes) > 1 else ""
    return f"{leak.code}{also} {leak.kind}: {leak.summary}{size}; allocated at {where}"


def _shown(path: Optional[str], line: Optional[int]) -> str:
    if path is None:
        return "an unknown site (tracemalloc off or started too late)"
    try:
        relative = os.path.relpath(path)
    except ValueError:
        relative = path
    shown = path if relative.startswith("..") else relative
    return f"{shown}:{line}"


__all__: Sequence[str] = ("LeakSession", "describe")
