"""The docs say what the code does: every test the threat model cites exists, nothing points
outside the repository, and no install snippet pins a release that was never tagged."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ALL_DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]  # docs/evaluation/ too


def test_every_test_the_threat_model_cites_exists() -> None:
    text = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    section = text[text.index("## Threat model") : text.index("## How to run")]
    cited = []
    for row in section.splitlines():
        current = None  # a cell cites `test_file.py::test_a`, then `::test_b` of the same file
        for file, test in re.findall(r"`(test_[a-z0-9_]+\.py)?(?:::([a-z0-9_]+))?`", row):
            current = file or current
            if current and (file or test):
                cited.append((current, test))
    assert len([c for c in cited if c[1]]) >= 20, "each entry of the threat model names its tests"
    for file, test in cited:
        source = (ROOT / "tests" / file).read_text(encoding="utf-8")
        if test:
            assert re.search(rf"^def {test}\(", source, flags=re.MULTILINE), f"{file}::{test} is cited but does not exist"


@pytest.mark.parametrize("doc", ALL_DOCS, ids=lambda p: p.name)
def test_docs_point_nowhere_outside_the_repository(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    for outside in ("../shared", "/work/", "FACTS.md", "ARCHITECTURE.md"):
        assert outside not in text, f"{doc.name} mentions {outside}"


def test_no_snippet_pins_a_tag_that_does_not_exist() -> None:
    try:
        tags = set(subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True, timeout=30).stdout.split())
    except (OSError, subprocess.SubprocessError):
        pytest.skip("git is not available")
    for doc in DOCS + [ROOT / "action.yml"]:
        text = doc.read_text(encoding="utf-8")
        pins = re.findall(r"rev:\s*(v[0-9][^\s#]*)", text) + re.findall(r"leaklint/leaklint@(v[0-9][^\s#]*)", text)
        for pin in pins:
            assert pin in tags, f"{doc.name} pins {pin}, which is not a tag of this repository"
