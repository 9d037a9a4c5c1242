"""The `leaklint` command through its real interfaces: exit codes, options, config, stdin, noqa."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Optional, Tuple

import pytest

LEAK = "LOOKUP = [0] * 10 ** 12\n"
CLEAN = "SIZE = 2 ** 10\n"


def run(args: List[str], cwd: Path, stdin: Optional[str] = None) -> Tuple[int, str, str]:
    process = subprocess.run(
        [sys.executable, "-m", "leaklint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return process.returncode, process.stdout, process.stderr


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_console_script_and_module_agree(tmp_path: Path) -> None:
    write(tmp_path, "a.py", LEAK)
    script = shutil.which("leaklint", path=str(Path(sys.executable).parent)) or shutil.which("leaklint")
    assert script, "the leaklint console script is installed"
    via_script = subprocess.run([script, "check", "a.py"], cwd=tmp_path, capture_output=True, text=True)
    code, out, _ = run(["check", "a.py"], tmp_path)
    assert via_script.returncode == code == 1
    assert via_script.stdout == out


def test_exit_codes_and_concise_format(tmp_path: Path) -> None:
    write(tmp_path, "leaky.py", LEAK)
    write(tmp_path, "clean.py", CLEAN)
    code, out, err = run(["check", "leaky.py", "--format", "concise"], tmp_path)
    assert code == 1
    assert out.startswith("leaky.py:1:10: LKL501 ")
    assert "fix: " in out
    assert "Found 1 finding" in err
    assert run(["check", "clean.py"], tmp_path)[0] == 0
    assert run(["check", "leaky.py", "--exit-zero"], tmp_path)[0] == 0


def test_default_command_and_default_path(tmp_path: Path) -> None:
    write(tmp_path, "pkg/leaky.py", LEAK)
    code, out, _ = run([], tmp_path)
    assert code == 1 and "pkg/leaky.py:1:10: LKL501" in out
    code, out, _ = run(["pkg"], tmp_path)
    assert code == 1 and "LKL501" in out


def test_version(tmp_path: Path) -> None:
    code, out, _ = run(["--version"], tmp_path)
    assert code == 0 and out.startswith("leaklint ")


def test_full_format_shows_source_and_fix(tmp_path: Path) -> None:
    write(tmp_path, "leaky.py", LEAK)
    code, out, _ = run(["check", "leaky.py", "--format", "full"], tmp_path)
    assert code == 1
    assert " 1 | LOOKUP = [0] * 10 ** 12" in out
    assert "^^^^^^^^^^^^^^" in out
    assert "= fix:" in out


def test_json_format_is_documented_shape(tmp_path: Path) -> None:
    write(tmp_path, "leaky.py", LEAK)
    code, out, _ = run(["check", "leaky.py", "--format", "json"], tmp_path)
    assert code == 1
    data = json.loads(out)
    assert data == [
        {
            "code": "LKL501",
            "rule": "memory-exhausting-constant",
            "message": data[0]["message"],
            "suggestion": data[0]["suggestion"],
            "confidence": "high",
            "path": "leaky.py",
            "location": {"line": 1, "column": 10},
            "end_location": {"line": 1, "column": 24},
            "fix": None,
            "related": [],
        }
    ]


def test_select_ignore_extend_select(tmp_path: Path) -> None:
    write(tmp_path, "leaky.py", LEAK)
    assert run(["check", "leaky.py", "--select", "LKL5"], tmp_path)[0] == 1
    assert run(["check", "leaky.py", "--select", "LKL001"], tmp_path)[0] == 0
    assert run(["check", "leaky.py", "--ignore", "LKL501"], tmp_path)[0] == 0
    assert run(["check", "leaky.py", "--select", "LKL001", "--extend-select", "LKL501"], tmp_path)[0] == 1
    code, _, err = run(["check", "leaky.py", "--select", "LKL999"], tmp_path)
    assert code == 2 and "LKL999" in err


def test_excludes_and_explicit_paths(tmp_path: Path) -> None:
    write(tmp_path, "build/gen.py", LEAK)
    write(tmp_path, "vendored/lib.py", LEAK)
    write(tmp_path, "app.py", CLEAN)
    code, out, _ = run(["check", "."], tmp_path)
    assert code == 1 and "build/" not in out and "vendored/lib.py" in out
    assert run(["check", ".", "--extend-exclude", "vendored"], tmp_path)[0] == 0
    assert run(["check", ".", "--exclude", "vendored"], tmp_path)[0] == 1  # replaces defaults: build/ is back
    # a path named on the command line is always checked
    assert run(["check", "build/gen.py"], tmp_path)[0] == 1


def test_statistics_and_quiet(tmp_path: Path) -> None:
    write(tmp_path, "a.py", LEAK + LEAK)
    code, out, err = run(["check", "a.py", "--statistics"], tmp_path)
    assert code == 1 and out.split() == ["2", "LKL501", "memory-exhausting-constant"]
    code, out, err = run(["check", "a.py", "--quiet"], tmp_path)
    assert code == 1 and err == "" and out.count("LKL501") == 2


def test_no_cache_is_accepted(tmp_path: Path) -> None:
    write(tmp_path, "a.py", CLEAN)
    assert run(["check", "a.py", "--no-cache"], tmp_path)[0] == 0


def test_stdin_with_filename(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.leaklint]\nper-file-ignores = {"generated/*" = ["LKL501"]}\n')
    code, out, _ = run(["check", "--stdin-filename", "src/mod.py", "-"], tmp_path, stdin=LEAK)
    assert code == 1 and out.startswith("src/mod.py:1:10: LKL501")
    code, out, _ = run(["check", "--stdin-filename", "generated/mod.py", "-"], tmp_path, stdin=LEAK)
    assert code == 0 and out == ""
    code, out, _ = run(["check", "-"], tmp_path, stdin=LEAK)
    assert code == 1 and out.startswith("-:1:10: LKL501")


def test_noqa_comments(tmp_path: Path) -> None:
    write(tmp_path, "a.py", "A = [0] * 10 ** 12  # noqa\nB = [0] * 10 ** 12  # noqa: LKL5\nC = [0] * 10 ** 12  # noqa: LKL101\nD = [0] * 10 ** 12  # noqa:,,\n")
    code, out, _ = run(["check", "a.py"], tmp_path)
    assert code == 1
    # Line 3's LKL101 silences nothing: the LKL501 leak is reported, and so is the unused code (LKL003).
    assert [line.split(":")[1] for line in out.splitlines()] == ["3", "3"]
    assert sorted(line.split()[1] for line in out.splitlines()) == ["LKL003", "LKL501"]
    write(tmp_path, "b.py", "# leaklint: noqa\n" + LEAK)
    assert run(["check", "b.py"], tmp_path)[0] == 0
    write(tmp_path, "c.py", "# leaklint: noqa: LKL1\n" + LEAK)
    assert run(["check", "c.py"], tmp_path)[0] == 1


def test_parse_error_is_a_finding_and_other_files_go_on(tmp_path: Path) -> None:
    write(tmp_path, "bad.py", "x = 1\ndef broken(:\n")
    write(tmp_path, "leaky.py", LEAK)
    code, out, _ = run(["check", "."], tmp_path)
    assert code == 1
    assert "bad.py:2:12: LKL001 cannot parse this file" in out
    assert "leaky.py:1:10: LKL501" in out


def test_missing_path_is_an_error_but_others_are_checked(tmp_path: Path) -> None:
    write(tmp_path, "leaky.py", LEAK)
    code, out, err = run(["check", "leaky.py", "missing.py"], tmp_path)
    assert code == 2
    assert "LKL501" in out and "missing.py: no such file or directory" in err


def test_config_select_per_file_ignores_and_options(tmp_path: Path) -> None:
    write(tmp_path, "leaky.py", LEAK)
    write(tmp_path, "tests/test_x.py", LEAK)
    write(
        tmp_path,
        "pyproject.toml",
        '[tool.leaklint]\nper-file-ignores = {"tests/*" = ["LKL5"]}\n',
    )
    code, out, _ = run(["check", "."], tmp_path)
    assert code == 1 and "tests/" not in out and "leaky.py" in out
    write(tmp_path, "pyproject.toml", "[tool.leaklint.LKL501]\nmax-bytes = 100_000_000_000_000\n")
    assert run(["check", "leaky.py"], tmp_path)[0] == 0
    write(tmp_path, "pyproject.toml", '[tool.leaklint]\nignore = ["LKL501"]\n')
    assert run(["check", "leaky.py"], tmp_path)[0] == 0


@pytest.mark.parametrize(
    "content, expected",
    [
        ("[tool.leaklint]\nselct = ['LKL5']\n", "selct: unknown key"),
        ("[tool.leaklint]\nselect = 'LKL5'\n", "select: expected a list of strings"),
        ("[tool.leaklint]\nselect = ['LKL777']\n", "unknown rule code or prefix 'LKL777'"),
        ("[tool.leaklint.LKL501]\nmax-bytes = 'big'\n", "max-bytes: expected int"),
        ("[tool.leaklint.LKL501]\nmax-byte = 3\n", "max-byte: unknown option"),
        ("[tool.leaklint\nselect = [\n", "not valid TOML"),
    ],
)
def test_config_errors_name_the_key(tmp_path: Path, content: str, expected: str) -> None:
    write(tmp_path, "pyproject.toml", content)
    write(tmp_path, "a.py", CLEAN)
    code, out, err = run(["check", "a.py"], tmp_path)
    assert code == 2
    assert expected in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_explicit_config_file(tmp_path: Path) -> None:
    write(tmp_path, "conf/custom.toml", '[tool.leaklint]\nignore = ["LKL501"]\n')
    write(tmp_path, "a.py", LEAK)
    assert run(["check", "a.py", "--config", "conf/custom.toml"], tmp_path)[0] == 0


def test_rule_and_rules_commands(tmp_path: Path) -> None:
    code, out, _ = run(["rule", "LKL501"], tmp_path)
    assert code == 0 and out.startswith("# LKL501 memory-exhausting-constant") and "## Why is this bad?" in out
    assert run(["rule", "memory-exhausting-constant"], tmp_path)[0] == 0
    code, _, err = run(["rule", "LKL999"], tmp_path)
    assert code == 2 and "unknown rule" in err
    code, out, _ = run(["rules"], tmp_path)
    assert code == 0 and "LKL501  memory-exhausting-constant" in out
    rows = json.loads(run(["rules", "--format", "json"], tmp_path)[1])
    assert {"code": "LKL501", "name": "memory-exhausting-constant"}.items() <= rows[-1].items() or any(
        r["code"] == "LKL501" for r in rows
    )


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(["check", "--format", "nope"], tmp_path)[0] == 2
    assert run(["check", "--jobs", "0"], tmp_path)[0] == 2


def test_output_file(tmp_path: Path) -> None:
    write(tmp_path, "a.py", LEAK)
    code, out, _ = run(["check", "a.py", "--output-file", "report.txt"], tmp_path)
    assert code == 1 and out == ""
    assert (tmp_path / "report.txt").read_text().startswith("a.py:1:10: LKL501")


def test_process_pool_gives_the_same_findings(tmp_path: Path) -> None:
    for index in range(12):
        write(tmp_path, f"m{index}.py", LEAK + "# padding\n" * 3000)
    single = run(["check", ".", "--jobs", "1"], tmp_path)
    pooled = run(["check", ".", "--jobs", "2"], tmp_path)
    assert single[0] == pooled[0] == 1
    assert single[1] == pooled[1] and single[1].count("LKL501") == 12


def test_folder_named_explicitly_inside_an_excluded_name_is_checked(tmp_path: Path) -> None:
    write(tmp_path, "site-packages/pkg/mod.py", LEAK)
    write(tmp_path, "site-packages/pkg/build/gen.py", LEAK)
    code, out, _ = run(["check", "site-packages/pkg"], tmp_path)
    assert code == 1 and "mod.py" in out and "gen.py" not in out
    assert run(["check", "."], tmp_path)[0] == 0  # walking from above, site-packages is skipped


def test_exclude_pattern_with_a_slash_matches_from_the_root(tmp_path: Path) -> None:
    write(tmp_path, "src/generated/a.py", LEAK)
    write(tmp_path, "other/generated/b.py", LEAK)
    code, out, _ = run(["check", ".", "--extend-exclude", "src/generated"], tmp_path)
    assert code == 1 and "b.py" in out and "a.py" not in out


def test_python_m_ignores_modules_of_the_checked_folder(tmp_path: Path) -> None:
    """A project file named like a standard module must not replace it inside leaklint."""
    for name in ("tempfile", "selectors", "concurrent", "pickle", "hashlib"):
        write(tmp_path, f"{name}.py", "raise SystemExit('shadowed the standard library')\n")
    write(tmp_path, "leak.py", LEAK)
    code, out, err = run(["check", "--format", "concise", "."], tmp_path)
    assert "shadowed" not in err + out
    assert code == 1 and "leak.py:1:" in out
