"""A cycle's hops as related locations, through the real CLI in every output (issue 16 §3).

The fixture is a package of two modules with a four-hop cycle across them (Alpha.beta ->
Beta.gamma -> Gamma.delta -> Delta.alpha -> Alpha). Expected hop lines are read from the
fixture's text, so the tests say where each store is, not what a previous run printed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
from integration_helpers import run_cli
from test_output_sarif import validate

from leaklint.cachecodec import DecodeError, decode_result, encode_result, loads
from leaklint.config import Settings
from leaklint.engine import FileResult
from leaklint.rule import Confidence, Finding, Location, RelatedLocation
from leaklint.suppression import Suppressions

MODULE_A = """\
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pkg.b import Gamma


class Alpha:
    def attach(self, beta: Beta) -> None:
        self.beta = beta


class Beta:
    def attach(self, gamma: Gamma) -> None:
        self.gamma = gamma
"""

MODULE_B = """\
from __future__ import annotations

from pkg.a import Alpha


class Gamma:
    def attach(self, delta: Delta) -> None:
        self.delta = delta


class Delta:
    def attach(self, alpha: Alpha) -> None:
        self.alpha = alpha
"""

# The cycle's stores, in the order the cycle runs.
STORES = ("self.beta = beta", "self.gamma = gamma", "self.delta = delta", "self.alpha = alpha")

Hop = Tuple[str, int]  # (posix path relative to the project, 1-based line)


def _where(statement: str) -> Hop:
    for path, text in (("pkg/a.py", MODULE_A), ("pkg/b.py", MODULE_B)):
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip() == statement:
                return path, number
    raise AssertionError(statement)


def _cycle_order() -> List[Hop]:
    return [_where(statement) for statement in STORES]


def _is_the_cycle(hops: List[Hop]) -> bool:
    """``hops`` go round the cycle once, in order, from whichever store the finding is at."""
    expected = _cycle_order()
    if len(hops) != len(expected) or hops[0] not in expected:
        return False
    start = expected.index(hops[0])
    return hops == expected[start:] + expected[:start]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "pkg" / "a.py").write_text(MODULE_A, encoding="utf-8")
    (tmp_path / "pkg" / "b.py").write_text(MODULE_B, encoding="utf-8")
    return tmp_path


def _check(project: Path, output: str, *extra: str) -> str:
    # A cycle of four plain objects is graded low (nothing heavy in it), so the strict profile shows it.
    code, out, err = run_cli(
        ["check", "--no-cache", "--profile", "strict", "--format", output, "--select", "LKL101", *extra, "pkg"], project
    )
    assert code == 1, err
    return out


def test_sarif_gives_every_hop_as_related_location_and_code_flow(project: Path) -> None:
    log = json.loads(_check(project, "sarif"))
    validate(log)
    (result,) = log["runs"][0]["results"]
    related = result["relatedLocations"]
    assert [item["id"] for item in related] == [1, 2, 3, 4]
    hops = [
        (item["physicalLocation"]["artifactLocation"]["uri"], item["physicalLocation"]["region"]["startLine"])
        for item in related
    ]
    assert _is_the_cycle(hops), hops
    for item, (path, line) in zip(related, hops):
        assert item["physicalLocation"]["artifactLocation"]["uriBaseId"] == "SRCROOT"
        statement = (MODULE_A if path == "pkg/a.py" else MODULE_B).splitlines()[line - 1].strip()
        assert f"`{statement}`" in item["message"]["text"]
    primary = result["locations"][0]["physicalLocation"]
    assert (primary["artifactLocation"]["uri"], primary["region"]["startLine"]) == hops[0]
    (flow,) = result["codeFlows"]
    (thread,) = flow["threadFlows"]
    steps = [step["location"] for step in thread["locations"]]
    assert [(s["physicalLocation"]["artifactLocation"]["uri"], s["physicalLocation"]["region"]["startLine"]) for s in steps] == hops
    assert [s["message"]["text"] for s in steps] == [item["message"]["text"] for item in related]


def test_json_lists_related_hops(project: Path) -> None:
    (finding,) = json.loads(_check(project, "json"))
    hops = [(Path(item["path"]).as_posix(), item["location"]["line"]) for item in finding["related"]]
    assert _is_the_cycle(hops), hops
    assert all(item["location"]["column"] == 9 for item in finding["related"])  # `self.` in a method
    assert (Path(finding["path"]).as_posix(), finding["location"]["line"]) == hops[0]


def test_full_text_indents_each_hop_under_the_finding(project: Path) -> None:
    out = _check(project, "full")
    lines = out.splitlines()
    start = lines.index("  = related:")
    hops = []
    for line in lines[start + 1 : start + 5]:
        assert line.startswith("    ")
        place, message = line.strip().split(": ", 1)
        path, number = place.rsplit(":", 1)
        hops.append((Path(path).as_posix(), int(number)))
        assert message.startswith("`self.")
    assert _is_the_cycle(hops), hops
    assert lines[start + 5].startswith("  = fix:")
    # A four-hop message gives each further hop's file:line itself (hops beyond three are not quoted).
    header = lines[0]
    assert all(f"{Path(path).name}:{line}" in header for path, line in hops[1:])


def test_github_annotation_adds_hops_as_message_lines(project: Path) -> None:
    out = _check(project, "github")
    (annotation,) = [line for line in out.splitlines() if line.startswith("::")]
    hops = []
    for part in annotation.split("%0A")[1:]:
        place = part.split(": ", 1)[0]
        path, number = place.rsplit(":", 1)
        hops.append((path, int(number)))
    assert _is_the_cycle(hops), hops


def test_gitlab_keeps_its_documented_fields(project: Path) -> None:
    (issue,) = json.loads(_check(project, "gitlab"))
    assert set(issue) == {"type", "check_name", "description", "categories", "fingerprint", "severity", "location"}
    assert set(issue["location"]) == {"path", "lines"}


def test_del_in_cycle_names_each_hop(project: Path) -> None:
    (project / "pkg" / "b.py").write_text(MODULE_B + "\n    def __del__(self) -> None:\n        pass\n", encoding="utf-8")
    code, out, err = run_cli(["check", "--no-cache", "--format", "json", "--select", "LKL102", "pkg"], project)
    assert code == 1, err
    (finding,) = json.loads(out)
    assert finding["code"] == "LKL102"
    hops = [(Path(item["path"]).as_posix(), item["location"]["line"]) for item in finding["related"]]
    assert _is_the_cycle(hops), hops


NODE = """\
class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
"""

GROW = """\
from pkg.node import Node


def grow(root: Node, count: int) -> None:
    for _ in range(count):
        child = Node(root)
        root.children.append(child)
"""


def test_a_hop_made_inside_a_call_is_followed_by_the_callee_store(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "pkg" / "node.py").write_text(NODE, encoding="utf-8")
    (tmp_path / "pkg" / "grow.py").write_text(GROW, encoding="utf-8")
    code, out, err = run_cli(["check", "--no-cache", "--profile", "strict", "--format", "json", "--select", "LKL101", "pkg"], tmp_path)
    assert code == 1, err
    (finding,) = json.loads(out)
    places = [(Path(item["path"]).as_posix(), item["location"]["line"]) for item in finding["related"]]
    call = ("pkg/grow.py", GROW.splitlines().index("        child = Node(root)") + 1)
    store = ("pkg/node.py", NODE.splitlines().index("        self.parent = parent") + 1)
    append = ("pkg/grow.py", GROW.splitlines().index("        root.children.append(child)") + 1)
    assert call in places and append in places
    # The store inside Node.__init__ comes right after the call that makes it.
    assert places[places.index(call) + 1] == store


def test_flake8_stays_one_line_per_finding(tmp_path: Path) -> None:
    single = MODULE_A.replace("if TYPE_CHECKING:\n    from pkg.b import Gamma\n", "") + MODULE_B.split("\n\n\n", 1)[1]
    (tmp_path / "cycle.py").write_text(single, encoding="utf-8")
    # A cycle of plain objects is graded low: the strict profile shows it.
    (tmp_path / "pyproject.toml").write_text('[tool.leaklint]\nprofile = "strict"\n', encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "LKL", "cycle.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    lines = process.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("cycle.py:") and " LKL101 " in lines[0], process.stdout + process.stderr


# -- the cache -------------------------------------------------------------------------------------


def test_warm_run_gives_identical_related_locations(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from leaklint.cache import Cache
    from leaklint.runner import lint_files

    monkeypatch.chdir(project)
    files = [str(project / "pkg" / name) for name in ("__init__.py", "a.py", "b.py")]
    settings = Settings(root=str(project), select=("LKL101",), profile="strict")
    cold = lint_files(files, settings, jobs=1, cache=Cache(project / "cache", settings))
    monkeypatch.setattr("leaklint.runner.analyze_source", lambda *a, **k: pytest.fail("parsed on a warm run"))
    warm_cache = Cache(project / "cache", settings)
    warm = lint_files(files, settings, jobs=1, cache=warm_cache)
    assert warm_cache.hits == 3
    (finding,) = cold.findings
    assert len(finding.related) == 4
    assert [f.related for f in warm.findings] == [finding.related]


def test_cli_warm_run_prints_the_same_sarif(project: Path) -> None:
    command = ["check", "--profile", "strict", "--format", "sarif", "--select", "LKL101", "--cache-dir", "cache", "pkg"]
    cold = run_cli(command, project)
    assert any((project / "cache").rglob("*")), "the first run wrote entries"
    warm = run_cli(command, project)
    assert cold[0] == warm[0] == 1
    assert json.loads(cold[1])["runs"][0]["results"] == json.loads(warm[1])["runs"][0]["results"]
    assert json.loads(warm[1])["runs"][0]["results"][0]["relatedLocations"]


def _result_with(related: Tuple[RelatedLocation, ...]) -> FileResult:
    finding = Finding(
        "m.py", "LKL103", "self-in-own-container", "message", "fix", Location(2, 5, 2, 9), Confidence.MEDIUM, related=related
    )
    return FileResult("m.py", [finding], {}, Suppressions({}, frozenset(), set()))


def _round_trip(entry: Dict[str, object]) -> FileResult:
    return decode_result(loads(json.dumps(entry).encode()), "m.py")


def test_codec_round_trips_related_locations() -> None:
    hops = (RelatedLocation("m.py", 2, 5, "`a.b = b` (ä)"), RelatedLocation("n.py", 7, 1, "`b.a = a`"))
    (finding,) = _round_trip(encode_result(_result_with(hops))).findings
    assert finding.related == hops
    (plain,) = _round_trip(encode_result(_result_with(()))).findings
    assert plain.related == ()


def test_codec_refuses_old_and_malformed_entries() -> None:
    entry = encode_result(_result_with((RelatedLocation("m.py", 2, 5, "hop"),)))
    old = {**entry, "v": 3, "findings": [item[:11] for item in entry["findings"]]}  # type: ignore[index]
    with pytest.raises(DecodeError):
        _round_trip(old)
    for bad in ([["m.py", 0, 5, "hop"]], [["m.py", 2, 5]], [["m.py", 2, 5, 7]], "hops"):
        broken = json.loads(json.dumps(entry))
        broken["findings"][0][11] = bad
        with pytest.raises(DecodeError):
            _round_trip(broken)


def test_a_cycle_made_in_one_scope_names_both_stores() -> None:
    from leaklint import lint_source

    source = "def pair():\n    a = []\n    b = []\n    a.append(b)\n    b.append(a)\n"
    # Two plain lists tied per call cost one collection: only the strict profile shows them.
    from leaklint.config import with_overrides

    strict = with_overrides(Settings(), profile="strict")
    (finding,) = lint_source(source, path="pair.py", select=["LKL101"], settings=strict)
    assert [(hop.path, hop.line, hop.column) for hop in finding.related] == [("pair.py", 4, 5), ("pair.py", 5, 5)]
    assert [hop.message.split("` (")[0] for hop in finding.related] == ["`a.append(b)", "`b.append(a)"]


def test_findings_of_other_rules_have_no_related_locations() -> None:
    from leaklint import lint_source

    (finding,) = lint_source("def f(path):\n    return open(path).read()\n", path="f.py", select=["LKL301"])
    assert finding.related == ()


def test_reraised_exception_names_where_it_is_kept_and_raised() -> None:
    from leaklint import lint_source

    source = (
        "class Job:\n    def __init__(self):\n        self._error = None\n\n"
        "    def run(self):\n        try:\n            self.work()\n        except Exception as error:\n"
        "            self._error = error\n\n    def result(self):\n        if self._error is not None:\n"
        "            raise self._error\n"
    )
    lines = source.splitlines()
    # Re-raising an exception the class caught itself is graded low: the strict profile shows it.
    (finding,) = lint_source(source, path="job.py", settings=Settings(select=("LKL109",), profile="strict"))
    store = lines.index("            self._error = error") + 1
    raised = lines.index("            raise self._error") + 1
    assert finding.line == raised
    # The `self._error = None` reset is not a hop: it holds no exception.
    assert [(hop.line, hop.column) for hop in finding.related] == [(store, 13), (raised, 13)]
    assert finding.related[0].message.startswith("`self._error = error`")


def test_diff_base_keeps_a_cycle_whose_hop_changed_elsewhere(tmp_path: Path) -> None:
    from leaklint.changed_lines import ChangedLines, keep_changed

    a, b = str(tmp_path / "a.py"), str(tmp_path / "b.py")
    hops = (RelatedLocation(a, 11, 9, "`self.beta = beta`"), RelatedLocation(b, 8, 9, "`self.delta = delta`"))
    cycle = Finding(a, "LKL101", "mutual-reference", "cycle", "fix", Location(11, 9, 11, 25), related=hops)
    plain = Finding(a, "LKL301", "open-without-context-manager", "open", "fix", Location(3, 5, 3, 9))
    key = lambda path: os.path.normcase(os.path.realpath(path))  # noqa: E731 - as changed_lines keys them
    assert keep_changed([cycle, plain], ChangedLines({key(b): {8}})) == ([cycle], 1)
    assert keep_changed([cycle, plain], ChangedLines({key(b): {9}})) == ([], 2)
    assert keep_changed([cycle, plain], ChangedLines({key(a): {3}})) == ([plain], 1)


def test_three_hops_are_quoted_in_the_message_and_located_in_related() -> None:
    from leaklint import lint_source

    source = (
        "class Alpha:\n    def attach(self, beta: 'Beta') -> None:\n        self.beta = beta\n\n\n"
        "class Beta:\n    def attach(self, gamma: 'Gamma') -> None:\n        self.gamma = gamma\n\n\n"
        "class Gamma:\n    def attach(self, alpha: 'Alpha') -> None:\n        self.alpha = alpha\n"
    )
    lines = source.splitlines()
    strict = Settings(select=("LKL101",), profile="strict")  # a cycle of plain objects is low
    (finding,) = lint_source(source, path="three.py", settings=strict)
    statements = ("self.beta = beta", "self.gamma = gamma", "self.alpha = alpha")
    assert all(f"`{statement}`" in finding.message for statement in statements)
    located = {lines[hop.line - 1].strip() for hop in finding.related}
    assert located == set(statements) and len(finding.related) == 3
