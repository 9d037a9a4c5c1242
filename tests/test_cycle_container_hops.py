"""Local cycles through one hop of a container or a bound method: `self.children = [child]`,
`for child in self.children`, a local list later kept on `self`, and `f.cb = self.method`.

Seen in streamz (`Stream.__init__`: `self.children = [child]`, then `child.parents.append(self)`
for each child) and fsspec (`OpenFile.__enter__` keeps its file layers in a local list stored on
`self.fobjects`, then sets `f.__fspath__ = self.__fspath__`; its `__del__` calls `close()`)."""

from __future__ import annotations

from tests.conftest import findings_by_line

_CLOSED_BY_DEL = """
    def __del__(self):
        self.close()

    def close(self):
        for f in reversed(self.fobjects):
            f.close()
        self.fobjects = []
"""

LOOP_OVER_OWN = """
class Stream:
    def __init__(self, children):
        self.parents = []
        self.children = children
        for child in self.children:
            if child:
                child.parents.append(self)


class Source:
    def __init__(self, child):
        self.parents = []
        self.children = [child]
        child.parents.append(self)
"""

LOOP_OVER_OWN_WEAK = """
import weakref


class Stream:
    def __init__(self, child=None):
        self.parents = weakref.WeakSet()
        self.children = [child]
        for child in self.children:
            if child:
                child.parents.add(self)
"""

BOUND_METHOD_THROUGH_LOCAL_LIST = """
class OpenFile:
    def __init__(self, fs, path):
        self.fs = fs
        self.path = path
        self.fobjects = []

    def __fspath__(self):
        return self.path

    def __enter__(self):
        f = self.fs.open(self.path)
        fobjects = [f]
        f = wrap(f)
        fobjects.append(f)
        self.fobjects = fobjects
        f.__fspath__ = self.__fspath__
        return f
""" + _CLOSED_BY_DEL

LAYERS_KEPT_WITHOUT_BOUND_METHOD = """
class OpenFile:
    def __init__(self, fs, path):
        self.fs = fs
        self.path = path
        self.fobjects = []

    def __enter__(self):
        f = self.fs.open(self.path)
        self.fobjects = [f]
        f.name = self.path
        return f
""" + _CLOSED_BY_DEL

BOUND_METHOD_OF_ANOTHER = """
class Owner:
    def open(self, fs, other):
        f = fs.open()
        self.files = [f]
        f.callback = other.method
        return f
"""


def test_loop_over_own_container_that_hands_self_back_is_a_cycle() -> None:
    found = findings_by_line(LOOP_OVER_OWN, "LKL101", "strict")
    assert sorted(found) == [8, 15]
    assert "for child in self.children" in found[8].message
    assert "self.children = [child]" in found[15].message


def test_loop_over_own_container_into_a_weak_set_is_not() -> None:
    assert findings_by_line(LOOP_OVER_OWN_WEAK, "LKL101", "strict") == {}


def test_bound_method_on_a_layer_kept_in_a_local_list_then_on_self() -> None:
    found = findings_by_line(BOUND_METHOD_THROUGH_LOCAL_LIST, "LKL101", "default")
    assert list(found) == [17]
    finding = found[17]
    assert "`__del__`" in finding.message
    assert "weakref.WeakMethod(self.__fspath__)" in finding.suggestion


def test_layers_kept_without_anything_pointing_back_are_no_cycle() -> None:
    assert findings_by_line(LAYERS_KEPT_WITHOUT_BOUND_METHOD, "LKL101", "strict") == {}


def test_bound_method_of_another_object_is_not_self() -> None:
    assert findings_by_line(BOUND_METHOD_OF_ANOTHER, "LKL101", "strict") == {}


READ_OUT_OF_SELF = """
class Dataset(dict):
    def __init__(self):
        self._dict = {}

    def __getattr__(self, name):
        data_elem = self[name]
        value = data_elem.value
        value.parent = self
        return value

    def element(self, key):
        found = self._dict.get(key)
        found.owner = self
        return found
"""

READ_OUT_OF_SELF_THEN_REBOUND = """
class Dataset:
    def __init__(self):
        self._dict = {}

    def copy_of(self, key):
        value = self._dict[key]
        value = value.copy()
        value.parent = self
        return value
"""


def test_objects_read_out_of_self_that_get_self_back_are_cycles() -> None:
    found = findings_by_line(READ_OUT_OF_SELF, "LKL101", "strict")
    assert sorted(found) == [9, 14]
    assert "value = data_elem.value" in found[9].message


def test_a_name_rebound_to_a_copy_is_no_longer_held() -> None:
    assert findings_by_line(READ_OUT_OF_SELF_THEN_REBOUND, "LKL101", "strict") == {}


CLASS_LEVEL_WEAK_SET = """
import weakref
from typing import ClassVar


class Cluster:
    _instances: ClassVar["weakref.WeakSet[Cluster]"] = weakref.WeakSet()

    def __init__(self):
        self._instances.add(self)

    def __del__(self):
        self.close()

    def close(self):
        self._instances.discard(self)
"""


def test_instances_kept_in_a_class_level_weak_set_make_no_cycle() -> None:
    # distributed's `SpecCluster._instances`: before, a cycle through it was reported (low) and,
    # with `__del__` calling `close()`, would have been raised to the default selection.
    assert findings_by_line(CLASS_LEVEL_WEAK_SET, "LKL102", "strict") == {}
    assert findings_by_line(CLASS_LEVEL_WEAK_SET, "LKL101", "strict") == {}


WARNING_DEL_WITH_ITS_TEXT_IN_A_LOCAL = """
import warnings


class Adaptive:
    def __init__(self, cluster):
        self.cluster = cluster


class Cluster:
    def adapt(self):
        self._adaptive = Adaptive(self)

    def __del__(self, _warn=warnings.warn):
        if getattr(self, "status", "closed") != "closed":
            try:
                self_r = repr(self)
            except Exception:
                self_r = object.__repr__(self)
            _warn(f"unclosed cluster {self_r}", ResourceWarning, source=self)
"""


def test_a_del_that_only_builds_a_warning_text_in_a_local_releases_nothing() -> None:
    # distributed's `Cluster.__del__`: a ResourceWarning for an unclosed cluster, delayed by the
    # cycle with its `Adaptive`, costs nothing.
    assert findings_by_line(WARNING_DEL_WITH_ITS_TEXT_IN_A_LOCAL, "LKL102", "default") == {}
    assert findings_by_line(WARNING_DEL_WITH_ITS_TEXT_IN_A_LOCAL, "LKL101", "default") == {}
