"""LKL201-LKL203: confidence levels, the include-bounded option and shape-chosen suggestions."""

from __future__ import annotations

from typing import List

from leaklint import Confidence, Finding, lint_source
from leaklint.config import Settings
from conftest import findings_by_line

SEED_HISTORY = "_seen_requests = []\n\n\ndef handle(request):\n    _seen_requests.append(request)\n    return request.body\n"
SEED_MEMO = (
    "_results = {}\n\n\nclass Result:\n    def __init__(self, params):\n        self.params = params\n\n\n"
    "def compute(params):\n    key = hash(params)\n    if key not in _results:\n"
    "        _results[key] = Result(params)\n    return _results[key]\n"
)


def _lint(source: str, code: str, **options: object) -> List[Finding]:
    settings = Settings(select=(code,), rule_options=((code, tuple(options.items())),) if options else ())
    return lint_source(source, "example.py", settings=settings)


def test_history_list_suggests_a_bounded_deque() -> None:
    (finding,) = _lint(SEED_HISTORY, "LKL201")
    assert finding.confidence is Confidence.HIGH
    assert "`handle()`" in finding.message
    assert "_seen_requests = collections.deque(maxlen=N)" in finding.suggestion


def test_memo_of_owned_objects_suggests_a_weak_value_dictionary() -> None:
    (finding,) = _lint(SEED_MEMO, "LKL201")
    assert finding.confidence is Confidence.HIGH
    assert "_results = weakref.WeakValueDictionary()" in finding.suggestion
    assert "`Result`" in finding.suggestion


def test_memo_of_plain_values_suggests_lru_cache() -> None:
    source = (
        "_profiles = {}\n\n\ndef profile(user_id):\n    if user_id not in _profiles:\n"
        "        _profiles[user_id] = str(user_id)\n    return _profiles[user_id]\n"
    )
    (finding,) = _lint(source, "LKL201")
    assert "decorate `profile` with `@functools.lru_cache(maxsize=N)`" in finding.suggestion


def test_keys_that_show_nothing_need_the_option() -> None:
    source = "_squares = {}\n\n\ndef square(n):\n    if n not in _squares:\n        _squares[n] = n * n\n    return _squares[n]\n"
    assert _lint(source, "LKL201") == []
    (finding,) = _lint(source, "LKL201", **{"unknown-keys": True})
    assert finding.confidence is Confidence.MEDIUM


def test_module_list_of_instances_suggests_a_weak_set() -> None:
    source = "_all = []\n\n\nclass Conn:\n    def __init__(self):\n        _all.append(self)\n"
    (finding,) = _lint(source, "LKL201")
    assert "_all = weakref.WeakSet()" in finding.suggestion


def test_registry_suggestions_name_the_weak_container() -> None:
    source = "class Conn:\n    _instances = []\n\n    def __init__(self):\n        Conn._instances.append(self)\n"
    (finding,) = _lint(source, "LKL202")
    assert "`_instances = weakref.WeakSet()` in `Conn`" in finding.suggestion
    keyed = "class Conn:\n    by_id = {}\n\n    def __init__(self, i):\n        Conn.by_id[i] = self\n"
    (finding,) = _lint(keyed, "LKL202")
    assert "weakref.WeakValueDictionary()" in finding.suggestion


METHODS = (
    "import functools\n\n\nclass A:\n    def __init__(self, x):\n        self.x = x\n\n"
    "    @functools.cache\n    def unbounded(self):\n        return self.x\n\n"
    "    @functools.lru_cache(maxsize=32)\n    def bounded(self, y):\n        return self.x + y\n"
)


def test_cache_on_method_confidence_and_option() -> None:
    findings = _lint(METHODS, "LKL203")
    assert [(f.line, f.confidence) for f in findings] == [(8, Confidence.HIGH), (12, Confidence.MEDIUM)]
    assert "functools.cached_property" in findings[0].suggestion
    assert "self.x" in findings[1].suggestion and "`y`" not in findings[1].message
    only_unbounded = _lint(METHODS, "LKL203", **{"include-bounded": False})
    assert [f.line for f in only_unbounded] == [8]


def test_module_level_cache_is_medium() -> None:
    (finding,) = _lint("import functools\n\n\n@functools.cache\ndef load(request):\n    return request\n", "LKL203")
    assert finding.confidence is Confidence.MEDIUM
    assert "lru_cache(maxsize=N)" in finding.suggestion


def test_aliases_resolve() -> None:
    source = "from functools import lru_cache as memo\n\n\nclass A:\n    @memo(None)\n    def f(self, x):\n        return x\n"
    assert [f.code for f in _lint(source, "LKL203")] == ["LKL203"]
    alias = "import collections as c\n\n_h = c.deque()\n\n\ndef add(request):\n    _h.append(request)\n"
    assert [f.code for f in _lint(alias, "LKL201")] == ["LKL201"]


def test_odd_code_does_not_crash() -> None:
    source = (
        "import functools\n_d = {}\n_l = []\n\n\nclass K:\n    @functools.cache\n    def f():\n        pass\n\n"
        "    def g(self, *a, **k):\n        _d[*a] = 1\n        _l.append(*a)\n        _d[1:2] = []\n"
        "        type(self).x[self] = self\n        (lambda: _l.append(self))()\n\n\n"
        "@functools.lru_cache(**{})\ndef h(*args, **kwargs):\n    del _d[args], _l[0]\n"
    )
    findings = lint_source(source, "example.py", select=("LKL2", "LKL002"))
    assert not [f for f in findings if f.code == "LKL002"]


def test_instance_attribute_shadowing_a_class_attribute_is_not_a_registry() -> None:
    source = (
        "class Tree:\n    seen = []\n\n    def __init__(self):\n        self.seen = []\n"
        "        self.seen.append(self)\n"
    )
    assert _lint(source, "LKL202") == []


def test_keyword_and_attribute_names_are_not_the_container() -> None:
    source = (
        "_h = []\n\n\ndef add(request, other):\n    _h.append(request)\n    other._h.clear()\n"
        "    other.send(_h=1)\n"
    )
    assert [f.code for f in _lint(source, "LKL201")] == ["LKL201"]


def test_a_module_named_test_something_is_test_code_only_when_it_looks_like_tests() -> None:
    import libcst as cst

    from leaklint.analysis.growth_facts import is_test_module

    library = cst.parse_module("class TestState:\n    def finalize(self):\n        pass\n")
    pytest_class = cst.parse_module("class TestState:\n    def test_finalize(self):\n        pass\n")
    unittest_case = cst.parse_module("import unittest\n\n\nclass State(unittest.TestCase):\n    pass\n")
    function = cst.parse_module("def test_state():\n    pass\n")
    importer = cst.parse_module("from pytest import fixture\n")
    assert not is_test_module("openhtf.exe.test_state", library)
    assert not is_test_module("testrepository.repository", library)
    assert all(is_test_module("pkg.test_state", m) for m in (pytest_class, unittest_case, function, importer))
    assert is_test_module("pkg.test_state")  # by name alone when the tree is not at hand
    assert is_test_module("pkg.tests.helpers", library) and is_test_module("conftest", library)


def test_a_key_annotated_as_a_stream_is_per_object_and_suggests_a_weak_key_dictionary() -> None:
    source = (
        "import threading\nfrom typing import IO, Any\n\n_locks = {}\n\n\n"
        "def _lock_for(file: IO[Any]):\n    lock = _locks.get(file)\n    if lock is None:\n"
        "        lock = threading.Lock()\n        _locks[file] = lock\n    return lock\n"
    )
    found = findings_by_line(source, "LKL201", "default")
    assert set(found) == {11}
    assert "WeakKeyDictionary" in found[11].suggestion


def test_a_key_annotated_as_text_stays_unreported() -> None:
    source = (
        "import threading\n\n_locks = {}\n\n\n"
        "def _lock_for(file: str):\n    lock = _locks.get(file)\n    if lock is None:\n"
        "        lock = threading.Lock()\n        _locks[file] = lock\n    return lock\n"
    )
    assert findings_by_line(source, "LKL201", "strict") == {}


def test_a_list_of_names_that_skips_names_it_has_is_a_set_of_names() -> None:
    # impacket's ELEVATED: `if self.username in ELEVATED: return` before the append
    guarded = (
        "ELEVATED = []\n\n\nclass Attack:\n    def run(self):\n        if self.username in ELEVATED:\n"
        "            return\n        self.client.request('POST')\n        ELEVATED.append(self.username)\n"
    )
    assert _lint(guarded, "LKL201") == []
    per_request = guarded.replace("self.username", "self.request_id")
    assert [f.code for f in _lint(per_request, "LKL201")] == ["LKL201"]
    unguarded = guarded.replace("        if self.username in ELEVATED:\n            return\n", "")
    assert [f.code for f in _lint(unguarded, "LKL201")] == ["LKL201"]


def test_a_key_tested_against_a_constant_set_of_literals_is_finite() -> None:
    # joblib's `elif backend not in BACKENDS and backend in MAYBE_AVAILABLE_BACKENDS:`
    source = (
        "BACKENDS = {}\nMAYBE_AVAILABLE = {'multiprocessing', 'loky'}\n\n\n"
        "def pick(backend):\n    if backend not in BACKENDS and backend in MAYBE_AVAILABLE:\n"
        "        BACKENDS[backend] = object()\n    return BACKENDS.get(backend)\n"
    )
    assert _lint(source, "LKL201") == []
    open_ended = source.replace("MAYBE_AVAILABLE = {'multiprocessing', 'loky'}", "MAYBE_AVAILABLE = load()")
    assert [f.code for f in _lint(open_ended, "LKL201", **{"unknown-keys": True})] == ["LKL201"]


def test_an_emitters_on_method_configures_its_class_table() -> None:
    # slack_sdk's RTMClient.on(event=..., callback=...) (sample 15, judged false at high)
    source = (
        "from collections import defaultdict\n\n\nclass RTMClient:\n    _callbacks = defaultdict(list)\n\n"
        "    @classmethod\n    def on(cls, *, event, callback):\n        previous_callbacks = cls._callbacks[event]\n"
        "        cls._callbacks[event] = list(set(previous_callbacks + callback))\n"
    )
    assert _lint(source, "LKL208") == []
    per_call = source.replace("def on(cls", "def remember(cls")
    assert [f.code for f in _lint(per_call, "LKL208")] == ["LKL208"]
