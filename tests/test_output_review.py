"""GitHub workflow commands and GitLab Code Quality: exact syntax, escaping, fingerprints."""

from __future__ import annotations

import json
import re
from pathlib import Path

from integration_helpers import LEAK, report_for, run_cli

from leaklint.output import github, gitlab
from leaklint.rule import Confidence, Finding, Location

# GitHub's documented form: ::LEVEL key=value,key=value::message
COMMAND = re.compile(r"^::(warning|error|notice) ((?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*)::([^\r\n]*)$")


def _finding(path: str = "a.py", message: str = "m", code: str = "LKL501", confidence: Confidence = Confidence.HIGH) -> Finding:
    return Finding(path, code, "memory-exhausting-constant", message, "s", Location(3, 5, 4, 2), confidence)


def _unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_command_exact() -> None:
    line = github.annotation(_finding())
    assert line == "::warning file=a.py,line=3,col=5,endLine=4,endColumn=2,title=LKL501 memory-exhausting-constant::m; fix: s"


def test_github_escaping_of_tricky_messages_and_paths() -> None:
    message = "100% leak:\r\nline two, with: colons %0A"
    path = "dir,with:odd %/name.py"
    line = github.annotation(_finding(path=path, message=message))
    match = COMMAND.match(line)
    assert match, line
    properties = dict(part.split("=", 1) for part in match.group(2).split(","))
    assert _unescape(properties["file"]) == path
    assert properties["file"] == "dir%2Cwith%3Aodd %25/name.py"
    assert properties["title"] == "LKL501 memory-exhausting-constant"
    assert match.group(3) == "100%25 leak:%0D%0Aline two, with: colons %250A; fix: s"
    assert _unescape(match.group(3)) == message + "; fix: s"


def test_github_levels() -> None:
    assert github.annotation(_finding(code="LKL001")).startswith("::error ")
    assert github.annotation(_finding(confidence=Confidence.MEDIUM)).startswith("::notice ")


def test_github_summary_counts_everything(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEAK * 12, encoding="utf-8")
    code, out, err = run_cli(["check", "--format", "github", "a.py"], tmp_path)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 13
    assert all(COMMAND.match(line) for line in lines[:12])
    assert lines[-1].startswith("leaklint: 12 findings in 1 file") and "at most 10" in lines[-1]
    assert "Found" not in err  # the summary is part of the format, not printed twice
    code, out, _ = run_cli(["check", "--format", "github", "--select", "LKL5", "a.py", "--ignore", "LKL501"], tmp_path)
    assert code == 0 and out == "leaklint: no findings (1 file checked)\n"
    code, out, _ = run_cli(["check", "--format", "github", "missing, really.py"], tmp_path)
    assert code == 2 and out.splitlines()[0] == "::error file=missing%2C really.py,title=leaklint::no such file or directory"


def test_gitlab_code_quality(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text(LEAK + LEAK + "Y = [0] * 10 ** 12\n", encoding="utf-8")
    report_file = tmp_path / "gl-code-quality-report.json"
    code, out, _ = run_cli(["check", "--format", "gitlab", "--output-file", str(report_file), "src"], tmp_path)
    assert code == 1 and out == ""
    data = report_file.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    issues = json.loads(data)
    assert isinstance(issues, list) and len(issues) == 3
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["check_name"] == "LKL501" and issue["severity"] == "major"
        assert issue["location"]["path"] == "src/a.py"
        assert isinstance(issue["location"]["lines"]["begin"], int)
    # Identical lines still get distinct fingerprints: GitLab would merge equal ones.
    assert len({issue["fingerprint"] for issue in issues}) == 3
    assert [issue["location"]["lines"]["begin"] for issue in issues] == [1, 2, 3]


def test_gitlab_fingerprints_survive_line_shifts() -> None:
    report, view = report_for([("m.py", "y = leak\n")])
    report2, view2 = report_for([("m.py", "\n\n# moved\ny = leak\n")])
    first = json.loads(_render(gitlab, report, view))[0]["fingerprint"]
    second = json.loads(_render(gitlab, report2, view2))[0]["fingerprint"]
    assert first == second


def test_gitlab_severities() -> None:
    assert gitlab.issue(_finding(code="LKL001"), "x")["severity"] == "critical"
    assert gitlab.issue(_finding(confidence=Confidence.MEDIUM), "x")["severity"] == "minor"


def _render(module, report, view) -> str:  # type: ignore[no-untyped-def]
    import io

    out = io.StringIO()
    module.write(report, out, view)
    return out.getvalue()
