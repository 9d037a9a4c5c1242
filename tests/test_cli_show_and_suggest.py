"""Issue 22 (part): "did you mean" for misspelt keys, options and codes; --show-settings and
--show-files. All through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from robust_helpers import run_subprocess


def _config(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.leaklint]\n" + text, encoding="utf-8")
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")


@pytest.mark.parametrize(
    "table, expected",
    [
        ('selct = ["LKL5"]\n', "selct: unknown key; did you mean 'select'?"),
        ('per-file-ignore = {}\n', "per-file-ignore: unknown key; did you mean 'per-file-ignores'?"),
        ('Exclude = ["x"]\n', "Exclude: unknown key; did you mean 'exclude'?"),
        ('select = ["LKL5O1"]\n', "unknown rule code or prefix 'LKL5O1'; did you mean 'LKL501'?"),
        ('ignore = ["memory-exhausting-constant"]\n', "did you mean 'LKL501' (memory-exhausting-constant)?"),
        ('per-file-ignores = {"*.py" = ["LKL51"]}\n', "unknown rule code or prefix 'LKL51'; did you mean 'LKL501'?"),
        ("[tool.leaklint.LKL501]\nmax-byte = 3\n", "max-byte: unknown option; did you mean 'max-bytes'?"),
    ],
)
def test_config_errors_say_what_was_meant(table: str, expected: str, tmp_path: Path) -> None:
    _config(tmp_path, table)
    run = run_subprocess(["check", "--no-cache", "."], tmp_path)
    assert run.code == 2 and expected in run.err and run.err.count("\n") == 1, run.err


def test_no_suggestion_when_nothing_is_close(tmp_path: Path) -> None:
    _config(tmp_path, 'completely-different = 1\nLKL999 = {}\n')
    run = run_subprocess(["check", "--no-cache", "."], tmp_path)
    assert run.code == 2 and "unknown key" in run.err and "did you mean" not in run.err


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--select", "LKL51"], "--select: unknown rule code or prefix 'LKL51'; did you mean 'LKL501'?"),
        (["--ignore", "LLK5"], "--ignore: unknown rule code or prefix 'LLK5'; did you mean 'LKL5'?"),
        (["--extend-select", "open-without-contxt-manager"], "did you mean 'LKL301' (open-without-context-manager)?"),
    ],
)
def test_command_line_codes_say_what_was_meant(args: list, expected: str, tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    run = run_subprocess(["check", "--no-cache", *args, "."], tmp_path)
    assert run.code == 2 and expected in run.err, run.err


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--selct", "LKL3"], "unrecognized arguments: --selct; did you mean '--select'?"),
        (["--output-fle=out.txt"], "did you mean '--output-file'?"),
        (["--force-exlude"], "did you mean '--force-exclude'?"),
    ],
)
def test_misspelt_options_say_what_was_meant(args: list, expected: str, tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    run = run_subprocess(["check", *args, "a.py"], cwd=tmp_path)
    assert run.code == 2 and expected in run.err


def test_no_option_suggestion_when_nothing_is_close(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    run = run_subprocess(["check", "--zzzzzz", "a.py"], cwd=tmp_path)
    assert run.code == 2 and "unrecognized arguments: --zzzzzz" in run.err and "did you mean" not in run.err


def test_show_settings_gives_each_value_and_its_source(tmp_path: Path) -> None:
    _config(tmp_path, 'ignore = ["LKL2"]\nper-file-ignores = {"gen/*" = ["LKL501"]}\n[tool.leaklint.LKL501]\nmax-bytes = 5\n')
    run = run_subprocess(["check", "--show-settings", "--select", "LKL5,LKL3"], tmp_path)
    config = str(tmp_path / "pyproject.toml")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert f"# configuration: {config}" in lines
    assert 'select = ["LKL5", "LKL3"]  # command line' in lines
    assert f'ignore = ["LKL2"]  # {config}' in lines
    assert f'per-file-ignores = {{"gen/*" = ["LKL501"]}}  # {config}' in lines
    assert f"LKL501.max-bytes = 5  # {config}" in lines
    assert "unsafe-fixes = false  # default" in lines
    assert any(line.startswith("cache-dir = ") and "user cache folder" in line for line in lines)
    enabled = lines[-1]
    assert enabled.startswith("# ") and "LKL501" in enabled and "LKL201" not in enabled


def test_show_settings_says_when_the_projects_cache_dir_is_refused(tmp_path: Path) -> None:
    _config(tmp_path, 'cache-dir = "/tmp"\n')
    run = run_subprocess(["check", "--show-settings"], tmp_path)
    line = next(line for line in run.out.splitlines() if line.startswith("cache-dir = "))
    assert '"/tmp"' not in line and "outside the project" in line


def test_show_files_lists_what_would_be_checked(tmp_path: Path) -> None:
    _config(tmp_path, 'extend-exclude = ["skipped"]\n')
    for name in ("pkg/b.py", "skipped/c.py", "build/d.py", "notes.txt", "pkg/e.pyi"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n", encoding="utf-8")
    run = run_subprocess(["check", "--show-files"], tmp_path)
    assert run.code == 0 and run.out.splitlines() == ["a.py", "pkg/b.py", "pkg/e.pyi"], run.out
    missing = run_subprocess(["check", "--show-files", "a.py", "nope.py"], tmp_path)
    assert missing.code == 2 and missing.out.splitlines() == ["a.py"] and "nope.py" in missing.err
