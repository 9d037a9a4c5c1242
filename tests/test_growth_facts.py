"""Growth facts: what one use of a container does, and LKL204's per-file facts as plain data."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import libcst as cst
import pytest

from leaklint.analysis.growth_facts import ESCAPE, GROW, READ, SHRINK, ContainerUse, classify_use
from leaklint.engine import analyze_source, check_project
from leaklint.rule import Rule
from leaklint.rules.lkl204_container_grown_from_another_module import ContainerGrownFromAnotherModule

_USES: List[str] = []


class _RecordUses(Rule):
    """Classifies every use of the name ``box`` (a test-only rule)."""

    code = "LKL992"
    name = "record-uses"
    message = "test only"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.names: List[cst.Name] = []

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "box":
            self.names.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        for name in self.names:
            use: ContainerUse = classify_use(self.context, name)
            _USES.append(f"{use.op}:{use.how}")


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("box.append(x)", f"{GROW}:append"),
        ("box[k] = v", f"{GROW}:[]="),
        ("box += [x]", f"{GROW}:+="),
        ("box.setdefault(k, v)", f"{GROW}:setdefault"),
        ("box.pop(k, None)", f"{SHRINK}:pop"),
        ("del box[k]", f"{SHRINK}:del"),
        ("box[:] = []", f"{SHRINK}:[:]="),
        ("if len(box) > 10: pass", f"{SHRINK}:len"),
        ("print(len(box))", f"{READ}:"),
        ("callback(box)", f"{ESCAPE}:"),
        ("register(box.append)", f"{ESCAPE}:append"),
        ("for item in box: pass", f"{READ}:"),
        ("return_value = box.get(k)", f"{READ}:get"),
    ],
)
def test_classify_use(statement: str, expected: str) -> None:
    _USES.clear()
    analyze_source(f"def f(k, v, x):\n    {statement}\n", "t.py", [_RecordUses], {})
    assert _USES == [expected]


def _facts(files: Dict[str, str]) -> Dict[str, Any]:
    facts = {}
    for path, source in files.items():
        module = path[:-3].replace("/", ".")
        analysis = analyze_source(source, path, [ContainerGrownFromAnotherModule], {}, module_name=module)
        facts[path] = analysis.result
    return facts


UTILS = "TMP_THREADS = []\nNAMES = set()\n"
WORKER = (
    "import threading\n\nfrom pkg.utils import NAMES, TMP_THREADS\n\n\n"
    "def run(job):\n    worker = threading.Thread(target=job)\n    TMP_THREADS.append(worker)\n"
    "    NAMES.add(job.__name__)\n"
)


def test_lkl204_facts_are_plain_data_that_survive_json() -> None:
    results = _facts({"pkg/utils.py": UTILS, "pkg/worker.py": WORKER})
    for result in results.values():
        facts = result.facts["LKL204"]
        assert json.loads(json.dumps(facts)) == facts
    uses = results["pkg/worker.py"].facts["LKL204"]["uses"]
    assert [(u["target"], u["op"]) for u in uses if u["op"] == GROW] == [
        ("pkg.utils.TMP_THREADS", GROW),
        ("pkg.utils.NAMES", GROW),
    ]


def test_lkl204_reports_at_the_insertion_and_stays_quiet_once_another_module_removes() -> None:
    rules = [ContainerGrownFromAnotherModule]
    results = list(_facts({"pkg/utils.py": UTILS, "pkg/worker.py": WORKER}).values())
    findings = check_project(results, rules, {})
    assert [(f.path, f.line, f.code) for f in findings] == [("pkg/worker.py", 8, "LKL204")]
    assert "TMP_THREADS" in findings[0].message and "threading.Thread" in findings[0].message
    reaper = "from pkg.utils import TMP_THREADS\n\n\ndef reap(worker):\n    TMP_THREADS.remove(worker)\n"
    results = list(_facts({"pkg/utils.py": UTILS, "pkg/worker.py": WORKER, "pkg/reaper.py": reaper}).values())
    assert check_project(results, rules, {}) == []
