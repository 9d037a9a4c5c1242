"""The runtime plugin, run for real through pytest's ``pytester``: each leak kind is reported
with its code and the line that allocated it, and its fixed twin is clean."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Dict, List

import pytest

pytest_plugins = ["pytester"]


def _marked_lines(source: str, marker: str) -> List[int]:
    return [number for number, line in enumerate(source.splitlines(), 1) if line.rstrip().endswith(f"# {marker}")]


def _run(pytester: pytest.Pytester, source: str, *args: str, name: str = "test_subject") -> Dict[str, Any]:
    source = textwrap.dedent(source)
    pytester.makepyfile(**{name: source})
    result = pytester.runpytest("--leaklint", "--leaklint-report=report.json", "-p", "no:cacheprovider", *args)
    report = json.loads((pytester.path / "report.json").read_text())
    report["_result"] = result
    report["_source"] = (pytester.path / f"{name}.py").read_text()  # as written (pytester strips blank edges)
    return report


def _leaks_of(report: Dict[str, Any], test: str) -> List[Dict[str, Any]]:
    return [leak for leak in report["leaks"] if leak["test"].endswith(f"::{test}")]


def test_off_by_default_registers_no_per_test_hooks(pytester: pytest.Pytester) -> None:
    config = pytester.parseconfigure()
    assert config.pluginmanager.has_plugin("leaklint")  # the pytest11 entry point is installed
    assert not config.pluginmanager.has_plugin("leaklint-session")
    assert pytester.parseconfigure("--leaklint").pluginmanager.has_plugin("leaklint-session")
    pytester.makeini("[pytest]\nleaklint = true\n")
    assert pytester.parseconfigure().pluginmanager.has_plugin("leaklint-session")


def test_importing_the_entry_point_imports_none_of_the_machinery() -> None:
    code = "import sys, leaklint.pytest_plugin as p; print(sorted(m for m in sys.modules if m.startswith('leaklint')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['leaklint', 'leaklint.pytest_plugin']"


def test_cycle_holding_a_large_buffer_and_its_weakref_twin(pytester: pytest.Pytester) -> None:
    report = _run(
        pytester,
        """
        import weakref

        class Parent:
            def __init__(self):
                self.buffer = bytearray(4_000_000)
                self.children = []

        class Child:
            def __init__(self, parent):
                self.parent = parent

        class WeakChild:
            def __init__(self, parent):
                self.parent = weakref.ref(parent)

        def test_leaks():
            parent = Parent()  # site
            parent.children.append(Child(parent))

        def test_fixed():
            parent = Parent()
            parent.children.append(WeakChild(parent))
        """,
    )
    (leak,) = _leaks_of(report, "test_leaks")
    assert leak["code"] == "LKL101" and leak["kind"] == "cycles"
    assert leak["line"] == _marked_lines(report["_source"], "site")[0]
    assert leak["path"].endswith("test_subject.py")
    assert leak["size"] > 4_000_000
    assert "Parent" in leak["type"] and "Child" in leak["type"]
    assert _leaks_of(report, "test_fixed") == []


def test_cycle_shapes_map_to_their_rules(pytester: pytest.Pytester) -> None:
    report = _run(
        pytester,
        """
        import sys

        class Registry:
            def __init__(self):
                self.items = [self]

        class Button:
            def __init__(self):
                self.on_click = self.clicked

            def clicked(self):
                pass

        def remember_error():
            try:
                1 / 0
            except ZeroDivisionError:
                info = sys.exc_info()

        def test_self_in_container():
            Registry()

        def test_bound_method_on_self():
            Button()

        def test_traceback_kept():
            remember_error()
        """,
    )
    assert _leaks_of(report, "test_self_in_container")[0]["code"] == "LKL103"
    assert _leaks_of(report, "test_bound_method_on_self")[0]["code"] == "LKL104"
    assert _leaks_of(report, "test_traceback_kept")[0]["code"] == "LKL105"


def test_unclosed_file_and_socket_and_their_closed_twins(pytester: pytest.Pytester) -> None:
    report = _run(
        pytester,
        """
        import socket

        def test_file(tmp_path):
            (tmp_path / "a.txt").write_text("x")
            data = open(tmp_path / "a.txt").read()  # file

        def test_file_closed(tmp_path):
            (tmp_path / "a.txt").write_text("x")
            with open(tmp_path / "a.txt") as handle:
                handle.read()

        def test_socket():
            sock = socket.socket()  # socket
            del sock

        def test_socket_closed():
            with socket.socket() as sock:
                pass

        class Holder:
            def __init__(self, path):
                self.handle = open(path, "w")  # in-cycle
                self.me = self

        def test_file_in_a_cycle(tmp_path):
            Holder(tmp_path / "b.txt")
        """,
    )
    source = report["_source"]
    (file_leak,) = _leaks_of(report, "test_file")
    assert (file_leak["code"], file_leak["line"]) == ("LKL301", _marked_lines(source, "file")[0])
    (socket_leak,) = _leaks_of(report, "test_socket")
    assert (socket_leak["code"], socket_leak["line"]) == ("LKL302", _marked_lines(source, "socket")[0])
    assert _leaks_of(report, "test_file_closed") == [] and _leaks_of(report, "test_socket_closed") == []
    # Only the teardown's collection finalizes a file held by a cycle: its warning is still caught.
    in_cycle = {(leak["code"], leak["line"]) for leak in _leaks_of(report, "test_file_in_a_cycle")}
    assert ("LKL301", _marked_lines(source, "in-cycle")[0]) in in_cycle
    # The run itself is unchanged: every test passed.
    report["_result"].assert_outcomes(passed=5)


def test_thread_never_joined_and_its_joined_twin(pytester: pytest.Pytester) -> None:
    report = _run(
        pytester,
        """
        import threading

        stop = threading.Event()

        def test_leaks():
            worker = threading.Thread(target=stop.wait, args=(5,))  # thread
            worker.start()

        def test_joined():
            worker = threading.Thread(target=stop.wait, args=(0.01,))
            worker.start()
            worker.join()

        def test_daemon():
            threading.Thread(target=stop.wait, args=(5,), daemon=True).start()

        def test_zz_release():
            stop.set()
        """,
    )
    (leak,) = _leaks_of(report, "test_leaks")
    assert (leak["code"], leak["line"]) == ("LKL303", _marked_lines(report["_source"], "thread")[0])
    assert _leaks_of(report, "test_joined") == [] and _leaks_of(report, "test_daemon") == []


def test_dropped_task_and_its_awaited_twin(pytester: pytest.Pytester) -> None:
    report = _run(
        pytester,
        """
        import asyncio

        async def notify():
            await asyncio.sleep(10)

        async def dropped():
            asyncio.create_task(notify())  # task
            await asyncio.sleep(0)

        async def awaited():
            task = asyncio.create_task(asyncio.sleep(0))
            await task

        def test_leaks():
            asyncio.run(dropped())

        def test_awaited():
            asyncio.run(awaited())

        def test_pending_on_a_loop_left_open():
            loop = asyncio.new_event_loop()
            loop.run_until_complete(dropped())
        """,
    )
    (leak,) = _leaks_of(report, "test_leaks")
    assert (leak["code"], leak["line"]) == ("LKL304", _marked_lines(report["_source"], "task")[0])
    assert "notify" in leak["summary"]
    assert _leaks_of(report, "test_awaited") == []
    pending = [leak for leak in _leaks_of(report, "test_pending_on_a_loop_left_open") if leak["kind"] == "tasks"]
    assert [(leak["code"], leak["line"]) for leak in pending] == [("LKL304", _marked_lines(report["_source"], "task")[0])]
    assert "still pending when the test ended" in pending[0]["summary"]


def test_growing_module_cache_under_repetition_and_its_bounded_twin(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        cache_module=textwrap.dedent(
            """
            import collections

            SEEN = []  # grows
            LATEST = collections.deque(maxlen=2)


            class Registry:
                instances = {}  # class-level

                def __init__(self):
                    Registry.instances[id(self)] = self


            def handle(request):
                SEEN.append(request)
                LATEST.append(request)
                return request
            """
        )
    )
    report = _run(
        pytester,
        """
        import pytest
        import cache_module

        @pytest.mark.leaklint_repeat(3)
        def test_grows():
            cache_module.handle(object())

        @pytest.mark.leaklint_repeat(3)
        def test_registry():
            cache_module.Registry()

        @pytest.mark.leaklint_repeat(3)
        def test_bounded():
            cache_module.LATEST.append(object())

        def test_not_repeated():
            cache_module.handle(object())
        """,
    )
    module_source = (pytester.path / "cache_module.py").read_text()
    grows = [leak for leak in _leaks_of(report, "test_grows") if leak["kind"] == "growth"]
    assert [(leak["code"], leak["line"]) for leak in grows] == [("LKL201", _marked_lines(module_source, "grows")[0])]
    registry = [leak for leak in _leaks_of(report, "test_registry") if leak["kind"] == "growth"]
    assert [(leak["code"], leak["line"]) for leak in registry] == [("LKL202", _marked_lines(module_source, "class-level")[0])]
    assert _leaks_of(report, "test_bounded") == [] and _leaks_of(report, "test_not_repeated") == []


def test_ignore_marker_fail_mode_and_check_selection(pytester: pytest.Pytester) -> None:
    source = """
        import pytest

        class Node:
            def __init__(self):
                self.me = self

        @pytest.mark.leaklint_ignore("LKL103")
        def test_tolerated():
            Node()

        def test_reported():
            Node()
        """
    report = _run(pytester, source, "--leaklint-mode=fail")
    assert _leaks_of(report, "test_tolerated") == []
    assert [leak["code"] for leak in _leaks_of(report, "test_reported")] == ["LKL103"]
    result = report["_result"]
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_reported*", "*LKL103*"])
    limited = _run(pytester, source, "--leaklint-checks=threads,resources")
    assert limited["leaks"] == [] and limited["checks"] == ["threads", "resources"]


def test_runtime_report_confirms_static_findings_through_the_cli(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        runtime_app=textwrap.dedent(
            """
            import json


            def load(path):
                return json.load(open(path))


            def save(path, text):
                f = open(path, "w")
                f.write(json.dumps(text))  # can raise before the close (a bare write alone is low)
                f.close()


            def opener(path):
                return open(path, "w")
            """
        )
    )
    report = _run(
        pytester,
        """
        import runtime_app as app

        def test_load(tmp_path):
            (tmp_path / "a.json").write_text("{}")
            app.load(tmp_path / "a.json")

        def test_save(tmp_path):
            app.save(tmp_path / "b.txt", "hi")

        def test_unexplained(tmp_path):
            # looked up by name at run time: no static rule can tie this call to `opener()`
            getattr(app, "open" + "er")(tmp_path / "c.txt").write("x")
        """,
    )
    assert {leak["test"].split("::")[1] for leak in report["leaks"]} == {"test_load", "test_unexplained"}

    def check(*options: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "leaklint", "check", "runtime_app.py", "test_subject.py", "--no-cache",
             "--runtime-report", "report.json", *options],
            cwd=pytester.path, capture_output=True, text=True,
        )

    concise = check("--format", "concise")
    lines = concise.stdout.splitlines()
    load_line = next(line for line in lines if line.startswith("runtime_app.py:5:"))
    save_line = next(line for line in lines if line.startswith("runtime_app.py:9:"))
    assert load_line.endswith("[confirmed at runtime]") and "LKL301" in load_line
    assert not save_line.endswith("[confirmed at runtime]")  # closed on the path the test took
    assert "confirmed at runtime" in check("--format", "full").stdout
    rows = json.loads(check("--format", "json").stdout)
    confirmed = [row for row in rows if "confirmed_at_runtime" in row]
    assert [(row["path"], row["location"]["line"]) for row in confirmed] == [("runtime_app.py", 5)]
    assert "test_load" in confirmed[0]["confirmed_at_runtime"]
    sarif = json.loads(check("--format", "sarif").stdout)
    flagged = [r for r in sarif["runs"][0]["results"] if r["properties"].get("confirmedAtRuntime")]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in flagged] == [5]
    assert "confirmed at runtime" in check("--format", "github").stdout
    assert "confirmed at runtime" in check("--format", "gitlab").stdout
    # The handle from `opener()` leaks, but no rule can flag a call made through `getattr`: listed as a
    # runtime-only leak. (A direct `app.opener(...)` is a factory call LKL301 reports in the caller.)
    assert "1 finding confirmed at runtime; 1 runtime leak with no static finding" in concise.stderr
    app_lines = (pytester.path / "runtime_app.py").read_text().splitlines()
    opener_line = app_lines.index('    return open(path, "w")') + 1
    assert f"runtime_app.py:{opener_line}: LKL301" in concise.stderr and "test_unexplained" in concise.stderr
    assert concise.returncode == 1
    bad = pytester.path / "bad.json"
    bad.write_text("{}")
    refused = check("--runtime-report", str(bad))
    assert refused.returncode == 2 and "not a leaklint runtime report" in refused.stderr


def test_the_examples_loop_from_the_readme(tmp_path: Path) -> None:
    """`pytest examples/tests --leaklint` then `leaklint check examples --runtime-report`, as documented."""
    root = Path(__file__).resolve().parent.parent
    report = tmp_path / "runtime.json"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "examples/tests", "--leaklint", f"--leaklint-report={report}",
         "-p", "no:cacheprovider", "-q"],
        cwd=root, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    check = subprocess.run(
        [sys.executable, "-m", "leaklint", "check", "examples", "--no-cache", "--format", "concise",
         "--runtime-report", str(report)],
        cwd=root, capture_output=True, text=True,
    )
    confirmed = sorted(
        line.split(": ")[0].rsplit(":", 1)[0] + " " + line.split(": ")[1].split()[0]
        for line in check.stdout.splitlines() if line.endswith("[confirmed at runtime]")
    )
    assert confirmed == [
        "examples/closures.py:9 LKL401",
        "examples/concurrency.py:22 LKL304",
        "examples/cycles.py:16 LKL101",
        "examples/cycles.py:19 LKL102",
        "examples/growth.py:9 LKL201",
        "examples/resources.py:14 LKL301",
    ]
    assert "every runtime leak has a static finding" in check.stderr


def test_a_leak_near_a_related_location_confirms_the_finding(tmp_path: Path) -> None:
    from leaklint import Finding
    from leaklint.pytest_plugin.confirm import confirm
    from leaklint.pytest_plugin.leaks import RuntimeLeak
    from leaklint.rule import Location, RelatedLocation

    path = str(tmp_path / "growth.py")
    leak = RuntimeLeak(test="t::test_x", kind="growth", codes=["LKL201"], type="list", summary="grew",
                       path=path, line=5)
    definition = RelatedLocation(path, 5, 1, "`_seen` is created here, at module level")
    where = Location(40, 5, 40, 20)
    at_insertion = Finding(path=path, code="LKL201", rule="growing-module-container", message="grows",
                           suggestion="bound it", location=where, related=(definition,))
    unrelated = Finding(path=path, code="LKL201", rule="growing-module-container", message="grows",
                        suggestion="bound it", location=where)
    confirmed, unmatched = confirm([at_insertion, unrelated], [leak])
    assert confirmed[0].runtime is not None and confirmed[1].runtime is None
    assert unmatched == []


def test_xdist_workers_hand_their_leaks_to_the_controller(pytester: pytest.Pytester) -> None:
    pytest.importorskip("xdist")
    source = textwrap.dedent(
        """
        import threading

        stop = threading.Event()

        def test_thread():
            threading.Thread(target=stop.wait, args=(5,)).start()  # thread

        def test_file(tmp_path):
            handle = open(tmp_path / "data.txt", "w")  # file
            del handle

        def test_clean():
            pass

        def test_zz_release():
            stop.set()
        """
    )
    pytester.makepyfile(test_subject=source)
    result = pytester.runpytest_subprocess(
        "--leaklint", "--leaklint-report=report.json", "-p", "no:cacheprovider", "-n", "2",
    )
    result.assert_outcomes(passed=4)
    report = json.loads((pytester.path / "report.json").read_text())
    written = (pytester.path / "test_subject.py").read_text()
    assert report["tests_checked"] == 4
    found = sorted((leak["test"].rsplit("::", 1)[1], leak["code"], leak["line"]) for leak in report["leaks"])
    assert found == [
        ("test_file", "LKL301", _marked_lines(written, "file")[0]),
        ("test_thread", "LKL303", _marked_lines(written, "thread")[0]),
    ]
    result.stdout.fnmatch_lines(["*leaklint: 2 runtime leaks in 2 of 4 tests*"])
