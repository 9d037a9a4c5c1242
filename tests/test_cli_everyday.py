"""Conveniences for hooks, editors and CI through the real CLI: --force-exclude, colour, --diff-base."""

from __future__ import annotations

from pathlib import Path

from test_cli import run, write

LEAK = "TABLE = [0] * 10 ** 12\n"
CONFIG = '[tool.leaklint]\nextend-exclude = ["migrations", "gen_*.py"]\n'


def test_force_exclude_skips_excluded_files_named_on_the_command_line(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", CONFIG)
    write(tmp_path, "app/migrations/0001_initial.py", LEAK)
    write(tmp_path, "app/gen_table.py", LEAK)
    write(tmp_path, "app/models.py", LEAK)
    named = ["app/migrations/0001_initial.py", "app/gen_table.py", "app/models.py"]

    code, out, _ = run(["check", *named], tmp_path)
    assert code == 1 and out.count("LKL501") == 3, "without the flag a named file is always checked"

    code, out, err = run(["check", "--force-exclude", *named], tmp_path)
    assert code == 1 and out.count("LKL501") == 1 and "app/models.py" in out
    assert "in 1 file checked" in err

    code, out, err = run(["check", "--force-exclude", "app/migrations/0001_initial.py"], tmp_path)
    assert (code, out) == (0, "") and "0 files checked" in err


def test_force_exclude_ignores_folders_above_the_project(tmp_path: Path) -> None:
    # The default `build` pattern must not exclude a project that lives under a folder named build.
    project = tmp_path / "build" / "project"
    write(project, "pyproject.toml", "[tool.leaklint]\n")
    write(project, "a.py", LEAK)
    code, out, _ = run(["check", "--force-exclude", str(project / "a.py")], tmp_path)
    assert code == 1 and "LKL501" in out


def test_force_exclude_with_stdin_filename(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", CONFIG)
    code, out, _ = run(["check", "--force-exclude", "--stdin-filename", "migrations/m.py", "-"], tmp_path, stdin=LEAK)
    assert (code, out) == (0, "")
    code, out, _ = run(["check", "--force-exclude", "--fix", "--stdin-filename", "migrations/m.py", "-"], tmp_path, stdin=LEAK)
    assert (code, out) == (0, LEAK), "--fix gives an excluded buffer back unchanged"
    code, out, _ = run(["check", "--force-exclude", "--stdin-filename", "app.py", "-"], tmp_path, stdin=LEAK)
    assert code == 1 and "LKL501" in out


NOQA_SOURCE = (
    "import json\n"
    "TIMEOUT = 10  # noqa: LKL501, E501\n"
    "BIG = [0] * 10 ** 12  # noqa: LKL501\n"
    "def load(path):\n"
    "    return json.load(open(path))  # noqa: LKL301, LKL501\n"
    "LIMIT = 3  # noqa: LKL501\n"
)
NOQA_FIXED = (
    "import json\n"
    "TIMEOUT = 10  # noqa: E501\n"
    "BIG = [0] * 10 ** 12  # noqa: LKL501\n"
    "def load(path):\n"
    "    return json.load(open(path))  # noqa: LKL301\n"
    "LIMIT = 3\n"
)


def test_unused_noqa_reported_and_fixed(tmp_path: Path) -> None:
    path = write(tmp_path, "a.py", NOQA_SOURCE)
    code, out, _ = run(["check", "--no-cache", "a.py"], tmp_path)
    assert code == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == ["a.py:2:23", "a.py:5:51", "a.py:6:20"], out
    assert all(" LKL003 " in line for line in out.splitlines())

    code, out, err = run(["check", "--no-cache", "--fix", "a.py"], tmp_path)
    assert (code, out) == (0, "") and "Found 3 findings (3 fixed, 0 remaining)" in err, err
    assert path.read_text(encoding="utf-8") == NOQA_FIXED


def test_unused_noqa_ignores_codes_of_rules_that_did_not_run(tmp_path: Path) -> None:
    write(tmp_path, "a.py", NOQA_SOURCE)
    code, out, _ = run(["check", "--no-cache", "--select", "LKL003,LKL3", "a.py"], tmp_path)
    assert (code, out) == (0, ""), "LKL501 is not selected: its noqa codes prove nothing"
    write(tmp_path, "pyproject.toml", '[tool.leaklint]\nper-file-ignores = { "a.py" = ["LKL5"] }\n')
    code, out, _ = run(["check", "--no-cache", "a.py"], tmp_path)
    assert (code, out) == (0, "")


def test_unused_noqa_fix_as_json_edit(tmp_path: Path) -> None:
    import json

    write(tmp_path, "a.py", NOQA_SOURCE)
    _, out, _ = run(["check", "--no-cache", "--format", "json", "a.py"], tmp_path)
    (first, *_) = json.loads(out)
    assert first["code"] == "LKL003" and first["fix"]["safety"] == "safe"
    (edit,) = first["fix"]["edits"]
    line = NOQA_SOURCE.splitlines()[1]
    start, end = edit["location"]["column"] - 1, edit["end_location"]["column"] - 1
    assert line[:start] + edit["content"] + line[end:] == "TIMEOUT = 10  # noqa: E501"


def _git_repo(root: Path) -> "list[str]":
    import os
    import subprocess

    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    subprocess.run([*git, "init", "-q"], cwd=root, env=env, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, env=env, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], cwd=root, env=env, check=True)
    return git


PARENT = "from child import Child\n\n\nclass Parent:\n    def __init__(self):\n        self.children = []\n\n    def add(self):\n        self.children.append(Child(self))\n"


def test_diff_base_reports_changed_lines_with_whole_project_facts(tmp_path: Path) -> None:
    write(tmp_path, "parent.py", PARENT)
    write(tmp_path, "child.py", "class Child:\n    def __init__(self, parent):\n        self.name = 'c'\n")
    write(tmp_path, "old.py", LEAK)
    _git_repo(tmp_path)
    # The cycle needs parent.py's facts, but only child.py changed: it is reported there.
    write(tmp_path, "child.py", "class Child:\n    def __init__(self, parent):\n        self.parent = parent\n")
    write(tmp_path, "brand_new.py", LEAK)
    # A tree of plain objects is low (issue 16's cost policy): the strict profile shows it.
    code, out, err = run(["check", "--no-cache", "--profile", "strict", "--diff-base", "HEAD", "."], tmp_path)
    assert code == 1, err
    reported = sorted(line.split(": ")[0].rsplit(":", 1)[0] + " " + line.split()[1] for line in out.splitlines())
    assert reported == ["brand_new.py:1 LKL501", "child.py:3 LKL101"], out
    assert "old.py" not in out and "on lines changed since HEAD (1 more elsewhere)" in err

    code, out, err = run(["check", "--no-cache", "."], tmp_path)
    assert "old.py:1:9: LKL501" in out


def test_diff_base_errors(tmp_path: Path) -> None:
    write(tmp_path, "a.py", LEAK)
    code, _, err = run(["check", "--diff-base", "HEAD", "a.py"], tmp_path)
    assert code == 2 and "Traceback" not in err and "--diff-base" in err  # not a git repository
    _git_repo(tmp_path)
    code, _, err = run(["check", "--diff-base", "no-such-branch", "a.py"], tmp_path)
    assert code == 2 and "'no-such-branch' is not a commit" in err and "Traceback" not in err
    code, _, err = run(["check", "--diff-base", "HEAD", "--fix", "a.py"], tmp_path)
    assert code == 2 and "cannot be combined" in err
    code, out, err = run(["check", "--diff-base", "HEAD", "a.py"], tmp_path)
    assert (code, out) == (0, "") and "1 findings on unchanged lines not shown" in err


def _run_env(args: "list[str]", cwd: Path, env_changes: "dict[str, str]", tty: bool = False) -> str:
    """Standard output of the real CLI, through a pseudo-terminal when ``tty``."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(env_changes)
    command = [sys.executable, "-m", "leaklint", *args]
    if not tty:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120).stdout
    import pty

    master, slave = pty.openpty()
    try:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=slave, stderr=subprocess.DEVNULL)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO once the child has closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=120)
    finally:
        os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_terminals_respects_no_color_and_force_color(tmp_path: Path) -> None:
    import pytest

    write(tmp_path, "a.py", LEAK)
    check = ["check", "--no-cache", "--format", "concise", "a.py"]
    assert "\x1b[" not in _run_env(check, tmp_path, {"TERM": "xterm"}), "a pipe gets no colour"
    assert "\x1b[1;31mLKL501" in _run_env(check, tmp_path, {"TERM": "xterm", "FORCE_COLOR": "1"})
    forced_json = _run_env(["check", "--no-cache", "--format", "json", "a.py"], tmp_path, {"FORCE_COLOR": "1"})
    assert "\x1b[" not in forced_json and '"LKL501"' in forced_json
    _run_env([*check, "--output-file", "report.txt"], tmp_path, {"FORCE_COLOR": "1"})
    assert "\x1b[" not in (tmp_path / "report.txt").read_text(encoding="utf-8")
    try:
        terminal = _run_env(check, tmp_path, {"TERM": "xterm"}, tty=True)
    except (ImportError, OSError) as error:
        pytest.skip(f"no pseudo-terminal here: {error}")
    assert "\x1b[1;31mLKL501" in terminal
    plain = _run_env(check, tmp_path, {"TERM": "xterm", "NO_COLOR": "1"}, tty=True)
    assert "LKL501" in plain and "\x1b[" not in plain
