"""Cycles through an object a factory method returns (katcp's `self.link = self.make_link()`,
tqdm's `self.container = self.status_printer(...); self.container.pbar = self`): the attribute
holds what the method returns, as if it had called the class itself."""

from __future__ import annotations

from conftest import findings_by_line
from leaklint.rule import Confidence

HOOKED_LINK_WITH_DEL = '''\
class Link:
    def __init__(self):
        self._hooks = []

    def add_hook(self, callback):
        self._hooks.append(callback)


class Inspector:
    def __init__(self):
        self.link = self.make_link()
        self.link.add_hook(self._on_status)

    def __del__(self):
        self.close()

    def make_link(self) -> Link:
        return Link()

    def close(self):
        pass

    def _on_status(self, message):
        pass
'''

# The same link hooked through a weak method: no cycle.
HOOKED_LINK_WEAK = HOOKED_LINK_WITH_DEL.replace(
    "        self.link.add_hook(self._on_status)\n", "        self.link.add_hook(weakref.WeakMethod(self._on_status))\n"
).replace("class Link:", "import weakref\n\n\nclass Link:", 1)

BOX_POINTS_BACK = '''\
class Box:
    def __init__(self, children):
        self.children = children


class Bar:
    @staticmethod
    def status_printer(total) -> Box:
        return Box(children=[total])

    def __init__(self, total):
        self.container = self.status_printer(total)
        self.container.pbar = self
'''

# The box keeps a weak reference to the bar: no cycle.
BOX_WEAK = BOX_POINTS_BACK.replace(
    "        self.container.pbar = self\n", "        self.container.pbar = weakref.ref(self)\n"
).replace("class Box:", "import weakref\n\n\nclass Box:", 1)

ATTRIBUTE_OF_NEW_OBJECT = '''\
class Parser:
    def __init__(self):
        self.owner = None


class Document:
    def __init__(self):
        self.parser = Parser()
        self.parser.owner = self

    def __del__(self):
        self.parser = None
'''


def test_del_in_cycle_through_factory_method_is_reported() -> None:
    found = findings_by_line(HOOKED_LINK_WITH_DEL, "LKL102", "default")
    assert list(found) == [14]
    assert found[14].confidence is not Confidence.LOW


def test_weak_method_through_factory_is_quiet() -> None:
    assert findings_by_line(HOOKED_LINK_WEAK, "LKL102", "strict") == {}


def test_back_reference_into_factory_result_is_a_cycle() -> None:
    found = findings_by_line(BOX_POINTS_BACK, "LKL101", "strict")
    assert list(found) == [13]
    assert "self.container.pbar = self" in found[13].message
    assert found[13].confidence is Confidence.LOW  # plain objects: strict profile only


def test_weak_back_reference_into_factory_result_is_quiet() -> None:
    assert findings_by_line(BOX_WEAK, "LKL101", "strict") == {}


def test_back_reference_into_new_attribute_object_with_del() -> None:
    found = findings_by_line(ATTRIBUTE_OF_NEW_OBJECT, "LKL101", "strict")
    assert list(found) == [9]


# A bound method the class inherits, handed to its own method that keeps it (Flask's static
# route): LKL104 reads one class body and does not see `send_static_file` as a method, so the
# object-flow engine reports it; the class's own method stays LKL104's.
INHERITED_BOUND_METHOD = '''\
class Scaffold:
    def __init__(self):
        self.view_functions = {}

    def send_static_file(self, filename):
        return filename


class Flask(Scaffold):
    def __init__(self):
        super().__init__()
        self.add_url_rule("/static", view_func=self.send_static_file)

    def add_url_rule(self, rule, view_func=None):
        self.view_functions[rule] = view_func
'''

INHERITED_BOUND_METHOD_WEAK = INHERITED_BOUND_METHOD.replace(
    "view_func=self.send_static_file)", "view_func=weakref.WeakMethod(self.send_static_file))"
).replace("class Scaffold:", "import weakref\n\n\nclass Scaffold:", 1)


def test_inherited_bound_method_kept_by_own_method_is_a_cycle() -> None:
    found = findings_by_line(INHERITED_BOUND_METHOD, "LKL101", "strict")
    assert list(found) == [12]
    assert "send_static_file" in found[12].message
    assert findings_by_line(INHERITED_BOUND_METHOD_WEAK, "LKL101", "strict") == {}
    own = INHERITED_BOUND_METHOD.replace("class Flask(Scaffold):", "class Flask(Scaffold):\n    def send_static_file(self, f):\n        return f\n")
    assert findings_by_line(own, "LKL101", "strict") == {}
    assert findings_by_line(own, "LKL104", "strict") != {}


# mongoengine: a document wraps a field value by a factory method whose class keeps the
# document; the fixed base class keeps a proxy, and keeps a given proxy as is.
WRAPPED_FIELD = '''\
import weakref


class BaseList(list):
    def __init__(self, items, instance):
        super().__init__(items)
        if isinstance(instance, weakref.ProxyTypes):
            self._instance = instance
        else:
            self._instance = weakref.proxy(instance)


class TrackedList(BaseList):
    def __init__(self, items, instance):
        super().__init__(items, instance)
        self._instance = instance


class Document:
    def __init__(self):
        self._data = {}

    def set(self, name, value):
        self._data[name] = self._wrap(value)

    def _wrap(self, value):
        return TrackedList(value, self)
'''


def test_factory_result_kept_under_a_key_closes_a_cycle_but_a_given_proxy_does_not() -> None:
    assert list(findings_by_line(WRAPPED_FIELD, "LKL101", "strict")) == [16]
    fixed = WRAPPED_FIELD.replace("        super().__init__(items, instance)\n        self._instance = instance\n",
                                  "        super().__init__(items, instance)\n")
    assert findings_by_line(fixed, "LKL101", "strict") == {}


# The class empties or re-points the slot that keeps its own bound method (unittest's
# `_cleanups.pop()` in `doCleanups`, asyncio's `self._pending_calls = None` once they ran): quiet,
# as LKL104 reads a reset slot.
CLEANUPS_POPPED = '''\
class Case:
    def __init__(self):
        self._cleanups = []

    def addCleanup(self, function, *args):
        self._cleanups.append((function, args))

    def doCleanups(self):
        while self._cleanups:
            function, args = self._cleanups.pop()
            function(*args)


class ServerTest(Case):
    def setUp(self):
        self.addCleanup(self.stop_server)

    def stop_server(self):
        pass
'''

PENDING_CALLS_RESET = '''\
class Transport:
    def __init__(self, loop):
        self._loop = loop
        self._pending_calls = []

    def __del__(self):
        self.close()

    def close(self):
        pass

    def _call(self, cb, *data):
        if self._pending_calls is not None:
            self._pending_calls.append((cb, data))
        else:
            self._loop.call_soon(cb, *data)

    def _connect(self):
        for cb, data in self._pending_calls:
            cb(*data)
        self._pending_calls = None


class SubprocessTransport(Transport):
    def _exited(self):
        self._call(self._lost, None)

    def _lost(self, exc):
        pass
'''


def test_own_bound_method_in_a_slot_the_class_resets_is_quiet() -> None:
    for source in (CLEANUPS_POPPED, PENDING_CALLS_RESET):
        assert findings_by_line(source, "LKL101", "strict") == {}
        assert findings_by_line(source, "LKL102", "strict") == {}
