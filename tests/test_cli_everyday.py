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
