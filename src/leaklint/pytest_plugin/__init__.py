"""leaklint's pytest plugin: confirm at runtime what the static rules report.

Registered through the ``pytest11`` entry point and off until asked for (``pytest --leaklint`` or
``leaklint = true`` under ``[tool.pytest.ini_options]``). Off, it adds its options and markers and
nothing else: this module imports nothing, no hook runs per test. On, it registers
:class:`leaklint.pytest_plugin.session.LeakSession`, which watches each test for

* objects freed only by the cyclic garbage collector (LKL101-LKL105, by the cycle's shape),
* ResourceWarnings: files (LKL301), sockets, subprocesses and the rest (LKL302),
* non-daemon threads left running (LKL303) and asyncio tasks left pending (LKL304),
* with ``@pytest.mark.leaklint_repeat(n)`` or ``--leaklint-repeat=N``: module- and class-level
  containers that grow every time the test body runs again (LKL201, LKL202),

and reports each with the file:line that allocated it (tracemalloc), in pytest's terminal summary
and as JSON (``--leaklint-report=FILE``), which ``leaklint check --runtime-report FILE`` reads.
See docs/runtime.md.
"""

from __future__ import annotations

from typing import Any

CHECKS = ("cycles", "resources", "threads", "tasks", "growth")
DEFAULT_TRACEMALLOC_FRAMES = 8


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("leaklint", "leaklint: confirm leaks at runtime (docs/runtime.md)")
    group.addoption("--leaklint", action="store_true", default=False, help="watch every test for runtime leaks")
    group.addoption("--leaklint-report", metavar="FILE", help="write the runtime leaks as JSON (for `leaklint check --runtime-report`)")
    group.addoption("--leaklint-mode", choices=("warn", "fail"), help="warn (default): report only; fail: a test that leaks errors at teardown")
    group.addoption("--leaklint-checks", metavar="LIST", help=f"comma-separated checks to run (default: all of {','.join(CHECKS)})")
    group.addoption("--leaklint-repeat", type=int, metavar="N", help="run every test body N more times and report containers that grow each time")
    group.addoption(
        "--leaklint-tracemalloc", type=int, metavar="FRAMES",
        help=f"frames tracemalloc keeps per allocation, 0 to not start it (default: {DEFAULT_TRACEMALLOC_FRAMES})",
    )
    parser.addini("leaklint", type="bool", default=False, help="watch every test for runtime leaks (like --leaklint)")
    parser.addini("leaklint_mode", default="warn", help="warn or fail")
    parser.addini("leaklint_checks", default=",".join(CHECKS), help="comma-separated checks to run")
    parser.addini("leaklint_repeat", default="0", help="default repetitions for the growth check (0: only marked tests)")
    parser.addini("leaklint_tracemalloc", default=str(DEFAULT_TRACEMALLOC_FRAMES), help="tracemalloc frames, 0 to not start it")


def pytest_configure(config: Any) -> None:
    config.addinivalue_line(
        "markers",
        "leaklint_ignore(*codes_or_checks, reason=None): tolerate these runtime leaks in this test "
        "(codes or prefixes such as LKL303, or checks such as threads; no argument: all)",
    )
    config.addinivalue_line(
        "markers",
        "leaklint_repeat(n=3): run the test body n more times and report module or class containers that grow every time",
    )
    if not (config.getoption("leaklint") or config.getini("leaklint")):
        return
    from leaklint.pytest_plugin.session import LeakSession

    config.pluginmanager.register(LeakSession(config), "leaklint-session")
