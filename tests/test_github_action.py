"""The composite action: action.yml is well formed, and its run script works outside GitHub."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, Tuple

import pytest
from integration_helpers import LEAK

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "github-action.sh"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


def run_action(workdir: Path, **inputs: str) -> Tuple[int, str, str, Dict[str, str], str]:
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)  # where this environment's leaklint lives
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    outputs, summary = workdir / "gh-output", workdir / "gh-summary"
    env.update(GITHUB_OUTPUT=str(outputs), GITHUB_STEP_SUMMARY=str(summary), INPUT_INSTALL="none", INPUT_PYTHON=sys.executable)
    env.update({f"INPUT_{key.upper()}": value for key, value in inputs.items()})
    process = subprocess.run(["bash", str(SCRIPT)], cwd=workdir, env=env, capture_output=True, text=True, timeout=300)
    values = dict(line.split("=", 1) for line in outputs.read_text().splitlines()) if outputs.exists() else {}
    return process.returncode, process.stdout, process.stderr, values, summary.read_text() if summary.exists() else ""


def test_action_yml_runs_the_script() -> None:
    yaml = pytest.importorskip("yaml")
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    (step,) = action["runs"]["steps"]
    assert step["shell"] == "bash" and "scripts/github-action.sh" in step["run"]
    assert set(action["inputs"]) == {"args", "sarif-file", "diff-base", "install", "python", "fail-on-findings"}
    for name in action["inputs"]:
        assert f"inputs.{name}" in step["env"][f"INPUT_{name.upper().replace('-', '_')}"]


def test_annotations_sarif_and_outputs(tmp_path: Path) -> None:
    (tmp_path / "src dir").mkdir()
    (tmp_path / "src dir" / "a,b.py").write_text(LEAK, encoding="utf-8")
    (tmp_path / "clean.py").write_text("X = 1\n", encoding="utf-8")
    code, out, err, outputs, summary = run_action(tmp_path, args='"src dir" clean.py', sarif_file="leaklint.sarif")
    assert code == 1, err
    lines = out.splitlines()
    assert lines[0].startswith("::warning file=src dir/a%2Cb.py,line=1,col=5,endLine=1,endColumn=19,title=LKL501 ")
    assert lines[-1] == "leaklint: 1 finding in 1 file"
    assert outputs == {"exit-code": "1", "sarif-file": "leaklint.sarif"}
    assert "findings" in summary
    log = json.loads((tmp_path / "leaklint.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src%20dir/a%2Cb.py"


def test_clean_and_no_fail_and_errors(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("X = 1\n", encoding="utf-8")
    code, out, _, outputs, _ = run_action(tmp_path)
    assert code == 0 and outputs["exit-code"] == "0" and out.startswith("leaklint: no findings")
    (tmp_path / "a.py").write_text(LEAK, encoding="utf-8")
    code, _, _, outputs, _ = run_action(tmp_path, fail_on_findings="false")
    assert code == 0 and outputs["exit-code"] == "1"
    code, _, _, outputs, _ = run_action(tmp_path, args="missing.py", fail_on_findings="false")
    assert code == 2 and outputs["exit-code"] == "2"
    code, _, err, _, _ = run_action(tmp_path, args='"unbalanced')
    assert code == 2 and "cannot parse args" in err


def test_one_leaklint_run_for_annotations_and_sarif() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    runs = [line for line in script.splitlines() if line.lstrip().startswith('"${leaklint[@]}" check')]
    assert len(runs) == 1, runs


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_base_reports_changed_lines_only(tmp_path: Path) -> None:
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, env=env, check=True)
    (tmp_path / "old.py").write_text(LEAK, encoding="utf-8")
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, env=env, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "old"], cwd=tmp_path, env=env, check=True)
    (tmp_path / "old.py").write_text(LEAK + "Y = 1\n" + LEAK.replace("X", "Z"), encoding="utf-8")
    code, out, err, outputs, _ = run_action(tmp_path, diff_base="HEAD", sarif_file="l.sarif")
    assert code == 1, err
    warnings = [line for line in out.splitlines() if line.startswith("::warning")]
    assert len(warnings) == 1 and "line=3," in warnings[0], out
    log = json.loads((tmp_path / "l.sarif").read_text(encoding="utf-8"))
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in log["runs"][0]["results"]] == [3]
