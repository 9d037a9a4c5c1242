"""Issue 21: every input a checkout controls, one test (or more) per entry of the threat model in
docs/reliability.md. The cache's entries are covered in test_cache_security.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from robust_helpers import run_subprocess

LEAK = "X = [0] * 10 ** 12\n"


def _check(cwd: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_subprocess(["check", "--format", "concise", "--no-cache", "--jobs", "1", *args], cwd)


# -- pyproject options ------------------------------------------------------------------------------


def test_a_projects_per_file_ignores_never_reach_files_outside_it(tmp_path: Path) -> None:
    hostile = tmp_path / "vendored"
    hostile.mkdir()
    (hostile / "pyproject.toml").write_text('[tool.leaklint]\nper-file-ignores = {"*.py" = ["LKL"]}\n', encoding="utf-8")
    (hostile / "theirs.py").write_text(LEAK, encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "mine.py").write_text(LEAK, encoding="utf-8")
    run = _check(tmp_path, "vendored", "mine")  # the first path's pyproject decides the run
    assert [(Path(f[0]).name, f[3]) for f in run.findings()] == [("mine.py", "LKL501")], run.err


def test_isolated_reads_no_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.leaklint]\nignore = ["LKL"]\nexclude = ["*.py"]\ncache-dir = "/"\n', encoding="utf-8"
    )
    (tmp_path / "a.py").write_text(LEAK, encoding="utf-8")
    assert _check(tmp_path, ".").findings() == []
    isolated = _check(tmp_path, "--isolated", ".")
    assert [f[3] for f in isolated.findings()] == ["LKL501"], isolated.err
    both = _check(tmp_path, "--isolated", "--config", "pyproject.toml", ".")
    assert both.code == 2 and "cannot be combined" in both.err


def test_pyproject_is_data_unknown_keys_and_wrong_types_are_errors(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEAK, encoding="utf-8")
    for table in ('plugins = ["os:system"]\n', "unsafe-fixes = \"yes\"\n", "[tool.leaklint.LKL501]\nmax-bytes = \"__import__('os')\"\n"):
        (tmp_path / "pyproject.toml").write_text("[tool.leaklint]\n" + table, encoding="utf-8")
        run = _check(tmp_path, ".")
        assert run.code == 2 and run.err.count("\n") == 1 and "Traceback" not in run.err, run.err


def test_a_pyproject_nested_too_deeply_is_a_config_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.leaklint]\nselect = " + "[" * 50_000 + "]" * 50_000 + "\n")
    (tmp_path / "a.py").write_text(LEAK, encoding="utf-8")
    run = _check(tmp_path, ".")
    assert run.code == 2 and run.err.strip().splitlines() == [
        f"leaklint: error: {tmp_path / 'pyproject.toml'}: not valid TOML: nested too deeply"
    ]
    flake8 = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "LKL", "a.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert "Traceback" not in flake8.stderr and "nested too deeply" in flake8.stdout


# -- baseline files ---------------------------------------------------------------------------------


def _baseline_project(tmp_path: Path) -> Path:
    (tmp_path / "a.py").write_text(LEAK + LEAK + "Y = [1] * 10 ** 12\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fingerprint", ["*", "", ".*", "0" * 20, "0" * 20 + ":*", "0" * 20 + ":-1", "0" * 64 + ":0"])
def test_a_baseline_entry_that_is_not_a_fingerprint_is_an_error(fingerprint: str, tmp_path: Path) -> None:
    project = _baseline_project(tmp_path)
    (project / "baseline.json").write_text(
        json.dumps({"leaklint-baseline": 1, "findings": [{"fingerprint": fingerprint}]}), encoding="utf-8"
    )
    run = _check(project, "--baseline", "baseline.json", ".")
    assert run.code == 2 and "is not a leaklint fingerprint" in run.err and "Traceback" not in run.err


def test_a_baseline_nested_too_deeply_is_an_error_not_a_crash(tmp_path: Path) -> None:
    project = _baseline_project(tmp_path)
    (project / "baseline.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    run = _check(project, "--baseline", "baseline.json", ".")
    assert run.code == 2 and "nested too deeply" in run.err and "Traceback" not in run.err


def test_a_baseline_hides_exactly_what_it_fingerprints(tmp_path: Path) -> None:
    project = _baseline_project(tmp_path)
    assert _check(project, "--write-baseline", "baseline.json", ".").code == 0
    document = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert len(document["findings"]) == 3
    # Keep one of the two identical X lines and drop the Y finding: two must come back.
    first_x = next(e for e in document["findings"] if e["line"] == 1)
    document["findings"] = [first_x]
    (project / "baseline.json").write_text(json.dumps(document), encoding="utf-8")
    run = _check(project, "--baseline", "baseline.json", ".")
    assert sorted((f[1], f[3]) for f in run.findings()) == [(2, "LKL501"), (3, "LKL501")]
    # The same snippet in another file is another finding.
    (project / "b.py").write_text(LEAK, encoding="utf-8")
    assert [(Path(f[0]).name, f[1]) for f in _check(project, "--baseline", "baseline.json", "b.py").findings()] == [("b.py", 1)]


def test_a_baseline_cannot_hide_an_unchecked_file(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("def f(:\n", encoding="utf-8")
    _check(tmp_path, "--write-baseline", "baseline.json", ".")
    assert json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"] == []
    assert [f[3] for f in _check(tmp_path, "--baseline", "baseline.json", ".").findings()] == ["LKL001"]


# -- noqa comments ----------------------------------------------------------------------------------


def test_noqa_counts_only_in_comments_and_only_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        'X = [0] * 10 ** 12; S = "# noqa"\n'
        'DOC = """\n# leaklint: noqa\n"""\n'
        'Y = [0] * 10 ** 12; T = "# noqa: LKL501"\n'
        "Z = [0] * 10 ** 12  # noqa: E501\n"
        "W = [0] * 10 ** 12  # noqa: LKL501\n",
        encoding="utf-8",
    )
    run = _check(tmp_path, ".")
    assert [f[1] for f in run.findings()] == [1, 5, 6], run.out


def test_noqa_cannot_silence_an_unchecked_file(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("# leaklint: noqa\ndef f(:  # noqa\n", encoding="utf-8")
    assert [f[3] for f in _check(tmp_path, ".").findings()] == ["LKL001"]


# -- the language server ----------------------------------------------------------------------------


@pytest.fixture
def server(tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    pytest.importorskip("pygls")
    from lsp_driver import LspProcess

    workspace = tmp_path / "workspace"
    workspace.mkdir()
    process = LspProcess([sys.executable, "-m", "leaklint", "server"], workspace)
    request.addfinalizer(process.kill)
    return process, workspace


def test_server_workspace_settings_cannot_silence_or_redirect(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    process, workspace = server
    process.initialize(workspace, {"debounce": 1e12, "docsUrl": "javascript:alert(1)//"})
    uri = (workspace / "a.py").as_uri()
    process.open(uri, "x = 1\n")
    assert process.diagnostics(uri, version=1) == []
    process.change(uri, LEAK, 2)  # debounced: at most MAX_DEBOUNCE (5 s), never 1e12 s
    diagnostics = process.diagnostics(uri, version=2, timeout=20)
    assert [d["code"] for d in diagnostics] == ["LKL501"]
    assert diagnostics[0]["codeDescription"]["href"].startswith("https://")
    assert process.shutdown_and_exit() == 0


def test_server_lints_the_buffer_of_a_uri_outside_the_workspace_and_writes_nothing(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    process, workspace = server
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = tmp_path / "written-by-config"
    (elsewhere / "pyproject.toml").write_text(f'[tool.leaklint]\ncache-dir = "{target}"\n', encoding="utf-8")
    secret = elsewhere / "secret.py"
    secret.write_text(LEAK, encoding="utf-8")  # on disk: a finding; in the buffer: none
    before = sorted(p.name for p in tmp_path.rglob("*"))
    process.initialize(workspace)
    process.open(secret.as_uri(), "x = 1\n")
    assert process.diagnostics(secret.as_uri(), version=1) == [], "the disk was read instead of the buffer"
    traversal = "untitled:../../../../etc/passwd.py"
    process.open(traversal, LEAK)
    assert [d["code"] for d in process.diagnostics(traversal, version=1)] == ["LKL501"]
    assert process.shutdown_and_exit() == 0
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
