"""Project memoizers (LKL203), weak memos kept by their values (LKL205) and task helpers (LKL304):
what the shared analysis finds, and the grading and wording of the findings built on it."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

from leaklint import Confidence, Finding, lint_paths, lint_source
from leaklint.analysis.memoizers import may_be_project_name
from leaklint.config import Settings

MEMOIZE = (
    "def memoize(func):\n    cache = {}\n\n    def wrapper(*args):\n        if args not in cache:\n"
    "            cache[args] = func(*args)\n        return cache[args]\n\n    return wrapper\n\n\n"
)


def _lint(source: str, code: str) -> List[Finding]:
    return lint_source(source, "example.py", settings=Settings(select=(code,)))


def _memoizer_findings(memoizer: str, use: str) -> List[Finding]:
    return [f for f in _lint(memoizer + use, "LKL203") if "example.memoize" in f.message or "example.cached" in f.message]


@pytest.mark.parametrize(
    "memoizer",
    [
        pytest.param(MEMOIZE, id="closure-dict"),
        pytest.param(
            "_TABLE = {}\n\n\ndef memoize(func):\n    def wrapper(*args):\n        key = (func, args)\n"
            "        if key not in _TABLE:\n            _TABLE[key] = func(*args)\n        return _TABLE[key]\n\n"
            "    return wrapper\n\n\n",
            id="module-dict",
        ),
        pytest.param(
            "def memoize(func):\n    def wrapper(arg):\n        return wrapper.memo.setdefault(arg, func(arg))\n\n"
            "    wrapper.memo = {}\n    return wrapper\n\n\n",
            id="function-attribute",
        ),
        pytest.param(
            "class memoize:\n    def __init__(self, func):\n        self.func = func\n        self.memo = {}\n\n"
            "    def __call__(self, *args):\n        if args not in self.memo:\n"
            "            self.memo[args] = self.func(*args)\n        return self.memo[args]\n\n\n",
            id="class",
        ),
    ],
)
def test_unbounded_memoizer_on_a_method_pins_every_instance(memoizer: str) -> None:
    use = "class Report:\n    @memoize\n    def total(self, scale):\n        return scale\n"
    (finding,) = _memoizer_findings(memoizer, use)
    assert finding.confidence is Confidence.HIGH
    assert "`Report.total`" in finding.message and "example.memoize" in finding.message


@pytest.mark.parametrize(
    "memoizer",
    [
        pytest.param(
            "def memoize(func):\n    cache = {}\n\n    def wrapper(*args):\n        if len(cache) > 64:\n"
            "            cache.clear()\n        cache[args] = func(*args)\n        return cache[args]\n\n"
            "    return wrapper\n\n\n",
            id="size-check",
        ),
        pytest.param(
            "import collections\n\n\ndef memoize(func):\n    cache = collections.OrderedDict()\n\n"
            "    def wrapper(*args):\n        cache[args] = func(*args)\n        cache.move_to_end(args)\n"
            "        if len(cache) > 64:\n            cache.popitem(last=False)\n        return cache[args]\n\n"
            "    return wrapper\n\n\n",
            id="lru-eviction",
        ),
        pytest.param(
            "import weakref\n\n\ndef memoize(func):\n    cache = weakref.WeakValueDictionary()\n\n"
            "    def wrapper(arg):\n        cache[arg] = value = func(arg)\n        return value\n\n    return wrapper\n\n\n",
            id="weak-values",
        ),
        pytest.param(
            "REGISTRY = {}\n\n\ndef memoize(func):\n    REGISTRY[func.__name__] = func\n\n"
            "    def wrapper(*args):\n        return func(*args)\n\n    return wrapper\n\n\n",
            id="not-a-cache",
        ),
    ],
)
def test_bounded_weak_or_non_caching_decorators_are_not_memoizers(memoizer: str) -> None:
    use = "class Report:\n    @memoize\n    def total(self, scale):\n        return scale\n"
    assert _memoizer_findings(memoizer, use) == []


def test_an_exposed_clear_does_not_bound_a_memoizer() -> None:
    memoizer = MEMOIZE.replace("    return wrapper\n", "    wrapper.cache_clear = cache.clear\n    return wrapper\n")
    use = "@memoize\ndef parse(request: object) -> str:\n    return str(request)\n"
    (finding,) = _memoizer_findings(memoizer, use)
    assert finding.confidence is Confidence.MEDIUM
    assert "`request`" in finding.message


def test_a_memoizer_factory_is_matched_only_when_called() -> None:
    factory = (
        "def cached(ttl=60):\n    table = {}\n\n    def decorate(func):\n        def inner(*args):\n"
        "            if args not in table:\n                table[args] = func(*args)\n            return table[args]\n\n"
        "        return inner\n\n    return decorate\n\n\n"
    )
    called = "class Client:\n    @cached(ttl=5)\n    def fetch(self, url):\n        return url\n"
    assert len(_memoizer_findings(factory, called)) == 1
    bare = "class Client:\n    @cached\n    def fetch(self, url):\n        return url\n"
    assert _memoizer_findings(factory, bare) == []


def test_weak_memoizer_is_reported_only_where_the_function_returns_its_argument() -> None:
    weak = (
        "import weakref\n\n\ndef memoize(func):\n    cache = weakref.WeakKeyDictionary()\n\n"
        "    def wrapper(arg):\n        if arg not in cache:\n            cache[arg] = func(arg)\n"
        "        return cache[arg]\n\n    return wrapper\n\n\n"
    )
    returns_it = "@memoize\ndef normalized(points):\n    return points if points else []\n"
    (finding,) = _memoizer_findings(weak, returns_it)
    assert "`points`" in finding.message and "own key alive" in finding.message
    builds = "@memoize\ndef normalized(points):\n    return sorted(points)\n"
    assert _memoizer_findings(weak, builds) == []


def test_self_passed_to_an_unbounded_cache_is_reported_at_the_call() -> None:
    source = (
        "import functools\n\n\n@functools.cache\ndef layout_of(klass):\n    return dir(klass)\n\n\n"
        "class Form:\n    def names(self):\n        return layout_of(self)\n\n"
        "    def class_names(self):\n        return layout_of(type(self))\n"
    )
    (finding,) = _lint(source, "LKL203")
    assert finding.line == 11
    assert finding.confidence is Confidence.HIGH
    assert "`klass`" in finding.message and "`Form`" in finding.message
    assert "type(self)" in finding.suggestion


def test_self_passed_to_a_bounded_cache_is_not_reported() -> None:
    source = (
        "import functools\n\n\n@functools.lru_cache(maxsize=32)\ndef layout_of(klass):\n    return dir(klass)\n\n\n"
        "class Form:\n    def names(self):\n        return layout_of(self)\n"
    )
    assert _lint(source, "LKL203") == []


def test_weak_key_value_returned_by_a_function_that_can_return_its_argument() -> None:
    source = (
        "import weakref\n\n_adapted = weakref.WeakKeyDictionary()\n\n\ndef _adapt(value):\n"
        "    if isinstance(value, list):\n        return value\n    return [value]\n\n\n"
        "def adapt(value):\n    _adapted[value] = _adapt(value)\n    return _adapted[value]\n"
    )
    (finding,) = _lint(source, "LKL205")
    assert finding.confidence is Confidence.MEDIUM
    assert "`_adapt` can return its argument" in finding.message
    assert "is not value" in finding.suggestion


def test_task_helper_across_modules(tmp_path: Path) -> None:
    package = tmp_path / "app"
    (package / "lib").mkdir(parents=True)
    (package / "web").mkdir()
    for folder in (package / "lib", package / "web"):
        (folder / "__init__.py").write_text("")
    (package / "lib" / "spawn.py").write_text(
        "import asyncio\n\n\ndef fire(coroutine):\n    task = asyncio.ensure_future(coroutine)\n"
        "    task.add_done_callback(print)\n    return task\n"
    )
    (package / "web" / "views.py").write_text(
        "from lib.spawn import fire\n\n\nasync def send(message):\n    return message\n\n\n"
        "async def post(message):\n    fire(send(message))\n\n\nasync def post_future(future):\n    fire(future)\n"
    )
    report = lint_paths([str(package)], settings=Settings(select=("LKL304",)))
    (finding,) = report.findings
    assert finding.path.endswith("views.py") and finding.line == 9
    assert finding.confidence is Confidence.MEDIUM
    assert "done callback sees the exception" in finding.message


def test_project_name_filter() -> None:
    assert may_be_project_name("app.web.views", "lib.spawn.fire")
    assert may_be_project_name("views", "spawn.fire")
    assert not may_be_project_name("app.views", "asyncio.ensure_future")
    assert not may_be_project_name("app.views", "pytest.fixture")
    assert not may_be_project_name("app.views", "fire")


def _strict(source: str, code: str) -> List[Finding]:
    return lint_source(source, "example.py", settings=Settings(select=(code,), profile="strict"))


TEXT_KEYED = (
    "def memoize(func):\n    def wrapper(*args, **kwargs):\n        key = f'{args}{kwargs}'\n"
    "        if key in wrapper.cache:\n            return wrapper.cache[key]\n        value = func(*args, **kwargs)\n"
    "        wrapper.cache[key] = value\n        return value\n\n    wrapper.cache = {}\n    return wrapper\n\n\n"
)
INSTANCE_ONLY = (
    "class memoize:\n    def __init__(self, func):\n        self.func = func\n        self._cache = {}\n\n"
    "    def __call__(self, obj):\n        try:\n            return self._cache[obj]\n        except KeyError:\n"
    "            v = self._cache[obj] = self.func(obj)\n            return v\n\n\n"
)
PARAMETERLESS = "class Player:\n    @memoize\n    def event_manager(self):\n        return object()\n"


def test_a_memoizer_keyed_by_the_arguments_text_does_not_pin_the_instance() -> None:
    use = "class Host:\n    @memoize\n    def temp_dir(self):\n        return '/tmp'\n"
    assert _memoizer_findings(TEXT_KEYED, use) == []  # low: strict profile only
    (finding,) = [f for f in _strict(TEXT_KEYED + use, "LKL203") if "example.memoize" in f.message]
    assert finding.confidence is Confidence.LOW and "arguments' text" in finding.message
    # keyed by the arguments themselves, the same method is reported
    (kept,) = _memoizer_findings(MEMOIZE, use)
    assert kept.confidence is Confidence.HIGH


def test_a_memoizer_written_for_the_instance_alone_is_low_and_keeps_the_call_form() -> None:
    assert _memoizer_findings(INSTANCE_ONLY, PARAMETERLESS) == []
    (finding,) = [f for f in _strict(INSTANCE_ONLY + PARAMETERLESS, "LKL203") if "example.memoize" in f.message]
    assert finding.confidence is Confidence.LOW
    assert "cached_property" not in (finding.suggestion or "") and "event_manager()" in (finding.suggestion or "")
    # a memoizer of any arguments over the same parameterless method stays high
    (general,) = _memoizer_findings(MEMOIZE, PARAMETERLESS)
    assert general.confidence is Confidence.HIGH


def test_a_method_cache_whose_line_declines_the_equivalent_check_is_low() -> None:
    source = (
        "from functools import lru_cache\n\n\nclass Session:\n"
        "    @lru_cache(maxsize=128)  # ruff: ignore[cached-instance-method]\n    def resolve(self, url):\n        return url\n"
    )
    assert _lint(source, "LKL203") == []
    assert [f.confidence for f in _strict(source, "LKL203")] == [Confidence.LOW]
    plain = source.replace("  # ruff: ignore[cached-instance-method]", "")
    assert [f.confidence for f in _lint(plain, "LKL203")] == [Confidence.MEDIUM]
