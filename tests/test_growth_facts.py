"""Growth facts: what one use of a container does, and LKL204's per-file facts as plain data."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import libcst as cst
import pytest

from leaklint.analysis.growth_facts import ESCAPE, GROW, READ, SHRINK, ContainerUse, classify_use, is_test_double
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


@pytest.mark.parametrize(
    ("body", "store"),
    [
        # Replaces the value of a key the dict already has: read, not growth.
        ("for k, deadline in box.items():\n        box[k] = None", f"{READ}:[]="),
        ("for k in list(box):\n        box[k] = v", f"{READ}:[]="),
        ("if k in box:\n        box[k] = v", f"{READ}:[]="),
        ("if k in box and v:\n        box[k] = v", f"{READ}:[]="),
        # A new key: growth.
        ("for k in other.items():\n        box[k] = v", f"{GROW}:[]="),
        ("for i, k in enumerate(box):\n        box[k] = v", f"{GROW}:[]="),
        ("if k in box:\n        pass\n    else:\n        box[k] = v", f"{GROW}:[]="),
        ("if k not in box:\n        box[k] = v", f"{GROW}:[]="),
        ("for k in box:\n        box[x] = v", f"{GROW}:[]="),
    ],
)
def test_a_store_under_an_existing_key_is_not_growth(body: str, store: str) -> None:
    _USES.clear()
    analyze_source(f"def f(k, v, x, other):\n    {body}\n", "t.py", [_RecordUses], {})
    assert _USES[-1] == store


@pytest.mark.parametrize(
    ("class_name", "module", "expected"),
    [
        ("StubBackend", "app.results.backends.stub", True),
        ("FakeRedis", "app.client", True),
        ("InMemoryMock", "app.client", True),
        ("Backend", "app.fakes", True),
        ("Stubborn", "app.client", False),
        ("ResultBackend", "app.results", False),
    ],
)
def test_test_doubles(class_name: str, module: str, expected: bool) -> None:
    assert is_test_double(class_name, module) is expected


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


def test_lkl204_class_registry_facts_follow_bases_and_respect_the_opt_out_flag() -> None:
    registry = (
        "_registry = {}\n\n\nclass Meta(type):\n    def __init__(cls, name, bases, ns):\n"
        "        super().__init__(name, bases, ns)\n        if ns.get('register', True):\n"
        "            _registry[name] = cls\n\n\nclass Base(metaclass=Meta):\n    pass\n\n\nclass Child(Base):\n    pass\n"
    )
    maker = (
        "from pkg.registry import Child\n\n\ndef make(fields):\n    return type('Made', (Child,), {'fields': fields})\n\n\n"
        "def make_quietly(fields):\n    return type('Made', (Child,), {'register': False})\n"
    )
    facts = _facts({"pkg/registry.py": registry, "pkg/maker.py": maker})
    data = facts["pkg/registry.py"].facts["LKL204"]
    assert json.loads(json.dumps(data)) == data
    assert data["class_registries"]["pkg.registry.Meta"]["guard_keys"] == ["register"]
    findings = check_project(list(facts.values()), [ContainerGrownFromAnotherModule], {})
    assert [(f.path, f.line) for f in findings] == [("pkg/maker.py", 5)]
    assert "_registry" in findings[0].message and "Meta" in findings[0].message


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("f'<gen {uuid.uuid4()}>'", "object"),
        ("'mod_%d' % id(obj)", "object"),
        ("f'{kind}:{name}'", "unknown"),
        ("'<gen %s>' % hashlib.sha1(obj).hexdigest()", "unknown"),
    ],
)
def test_names_made_unique_per_call_are_per_object_keys(key: str, expected: str) -> None:
    from leaklint.analysis.containers import key_evidence

    found: List[str] = []

    class _Keys(Rule):
        code = "LKL993"
        name = "record-keys"
        message = "test only"

        def visit_Subscript(self, node: cst.Subscript) -> None:
            found.append(key_evidence(self.context, node.slice[0].slice.value, {}))  # type: ignore[union-attr]

    source = f"import hashlib\nimport uuid\n\n\ndef f(obj, kind, name):\n    table[{key}] = obj\n"
    analyze_source(source, "t.py", [_Keys], {})
    assert found == [expected]


def test_is_test_module() -> None:
    from leaklint.analysis.growth_facts import is_test_module

    assert is_test_module("cherrypy.test.test_bus") and is_test_module("conftest") and is_test_module("pkg.tests.util")
    assert not is_test_module("cherrypy.lib.sessions") and not is_test_module("latest")
