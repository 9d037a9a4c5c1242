"""Bad configuration gives one clear line and exit 2; leaklint never imports or runs the code it
checks (nor its config)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from robust_helpers import LEAK, run_in_process, write_bytes

BAD_CONFIGS = [
    ('[tool.leaklint]\nselekt = ["LKL5"]\n', "[tool.leaklint] selekt: unknown key"),
    ('[tool.leaklint]\nselect = "LKL5"\n', "[tool.leaklint] select: expected a list of strings, got 'LKL5'"),
    ("[tool.leaklint]\nignore = [5]\n", "[tool.leaklint] ignore: expected a list of strings, got [5]"),
    ('[tool.leaklint]\nunsafe-fixes = "yes"\n', "[tool.leaklint] unsafe-fixes: expected bool, got str 'yes'"),
    ("[tool.leaklint]\ncache-dir = 3\n", "[tool.leaklint] cache-dir: expected str, got int 3"),
    ('[tool.leaklint]\nextend-exclude = "build"\n', "[tool.leaklint] extend-exclude: expected a list of strings"),
    ('[tool.leaklint]\nper-file-ignores = ["x"]\n', "[tool.leaklint] per-file-ignores: expected a table"),
    ('[tool.leaklint]\nselect = ["LKL999"]\n', "[tool.leaklint] select: unknown rule code or prefix 'LKL999'"),
    ('[tool.leaklint]\nignore = ["XYZ"]\n', "[tool.leaklint] ignore: unknown rule code or prefix 'XYZ'"),
    ('[tool.leaklint]\nper-file-ignores = {"*.py" = ["NOPE"]}\n', "per-file-ignores '*.py': unknown rule code or prefix 'NOPE'"),
    ("[tool.leaklint.LKL501]\nbogus = 1\n", "[tool.leaklint.LKL501] bogus: unknown option"),
    ("[tool.leaklint]\nselect = [\n", "not valid TOML"),
    ("[tool.leaklint]\nselect = [\"LKL5\"]\nselect = []\n", "not valid TOML"),
    ("[tool]\nleaklint = 3\n", "[tool.leaklint] must be a table"),
    ("tool = {leaklint = {selekt = 1}}\n", "[tool.leaklint] selekt: unknown key"),
]


@pytest.mark.parametrize("config, message", BAD_CONFIGS, ids=[m.split(":")[0][:40] for _, m in BAD_CONFIGS])
def test_bad_config(config: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    write_bytes(tmp_path, "a.py", LEAK.encode())
    run = run_in_process(["a.py"], tmp_path, capsys, monkeypatch)
    assert run.code == 2
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("leaklint: error: ") and "pyproject.toml" in lines[0]
    assert message in lines[0]


def test_config_with_invalid_utf8(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.leaklint]\nselect = ["\xff"]\n')
    write_bytes(tmp_path, "a.py", LEAK.encode())
    run = run_in_process(["a.py"], tmp_path, capsys, monkeypatch)
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1 and "not valid TOML" in run.err


@pytest.mark.parametrize(
    "args, message",
    [
        (["--select", "LKL9"], "--select: unknown rule code or prefix 'LKL9'"),
        (["--ignore", "FOO"], "--ignore: unknown rule code or prefix 'FOO'"),
        (["--config", "missing.toml"], "missing.toml: cannot read: No such file or directory"),
        (["--jobs", "0"], "--jobs must be at least 1"),
    ],
)
def test_bad_command_line(args: list, message: str, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    write_bytes(tmp_path, "a.py", LEAK.encode())
    run = run_in_process([*args, "a.py"], tmp_path, capsys, monkeypatch)
    assert run.code == 2
    assert run.err.strip().splitlines() == [f"leaklint: error: {message}"]


def test_config_directory_instead_of_file(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "conf.toml").mkdir()
    write_bytes(tmp_path, "a.py", LEAK.encode())
    run = run_in_process(["--config", "conf.toml", "a.py"], tmp_path, capsys, monkeypatch)
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1 and "conf.toml: cannot read" in run.err


# -- no code execution ----------------------------------------------------------------------------

# Names a checker might import by accident: the stdlib modules leaklint itself uses (shadowed
# here), packaging hooks, test configuration, and the package's own __init__/__main__.
SHADOWING_NAMES = (
    "difflib.py", "tokenize.py", "json.py", "multiprocessing.py", "libcst.py", "leaklint.py", "tomllib.py",
    "conftest.py", "setup.py", "sitecustomize.py", "usercustomize.py", "__init__.py", "__main__.py",
    "pkg/__init__.py", "pkg/module.py", "pkg/__main__.py",
)


def _booby_trap(marker: Path, name: str) -> bytes:
    body = f"open({str(marker / name.replace('/', '_'))!r}, 'w').close()\n"
    return (
        f"import os\n{body}"
        f"class Meta(type):\n    def __new__(cls, *a):\n        {body.strip()}\n        return super().__new__(cls, *a)\n"
        f"def __getattr__(name):\n    {body.strip()}\n"
        "X = [0] * 10 ** 12\n"
    ).encode()


def test_checked_code_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "markers"
    marker.mkdir()
    project = tmp_path / "project"
    for name in SHADOWING_NAMES:
        write_bytes(project, name, _booby_trap(marker, name))
    # Enough source to start the process pool (workers are forked or spawned: a spawned worker
    # re-imports __main__, which must be leaklint's, never the checked code's): just over the
    # pool's 256 KB threshold, and only for the run with --jobs 2 (the other runs use no pool,
    # and fixing a big file only costs time).
    big = b"".join(b"value_%06d = %d\n" % (i, i) for i in range(14_000))
    assert len(big) > 256 * 1024
    write_bytes(project, "big.py", big)
    (project / "pyproject.toml").write_text(
        '[tool.leaklint]\nextend-exclude = ["__import__(\'os\').system(\'touch X\')"]\n', encoding="utf-8"
    )
    (project / "ext.pth").write_text(f"import os; open({str(marker / 'pth')!r}, 'w').close()\n", encoding="utf-8")
    script = shutil.which("leaklint", path=str(Path(sys.executable).parent))
    assert script, "the console script is installed next to the interpreter"
    runs = [
        ["check", "--jobs", "2", "."],
        ["check", "--jobs", "1", "--fix", "--unsafe-fixes", "."],
        ["check", "--diff", "."],
        ["check", "--stdin-filename", "pkg/module.py", "-"],
    ]
    for args in runs:
        process = subprocess.run(
            [script, *args], cwd=project, capture_output=True, text=True, timeout=600,
            input=_booby_trap(marker, "stdin").decode(),
        )
        assert "Traceback" not in process.stderr, process.stderr[-2000:]
        assert process.returncode in (0, 1), (args, process.returncode, process.stderr[-2000:])
        (project / "big.py").unlink(missing_ok=True)
    assert list(marker.iterdir()) == [], "checked code was executed"
    assert not (project / "X").exists()
