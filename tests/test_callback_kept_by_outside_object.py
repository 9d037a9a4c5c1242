"""LKL115: callbacks holding the instance (or one call's state) registered on objects it does not own."""

from __future__ import annotations

from conftest import findings_by_line


def _levels(source: str, profile: str) -> dict:
    return {line: f.confidence.value for line, f in findings_by_line(source, "LKL115", profile).items()}


def test_lambda_over_self_on_a_given_emitter_is_strict_only() -> None:
    source = (
        "class Badge:\n"
        "    def __init__(self, store):\n"
        "        self.store = store\n"
        "        self.store.on('changed', lambda *args: self.repaint())\n"  # 4
        "\n    def repaint(self):\n        pass\n"
    )
    assert _levels(source, "strict") == {4: "low"}
    assert _levels(source, "default") == {}


def test_bound_method_of_a_peer_with_no_end_is_quiet() -> None:
    source = (
        "class Highlighter:\n"
        "    def __init__(self, editor):\n"
        "        self.text = editor.text\n"
        "        self.text.bind('<<modified>>', self.recolor)\n"
        "\n    def recolor(self, event):\n        pass\n"
    )
    assert _levels(source, "strict") == {}


def test_closure_per_call_on_an_owned_signal_is_default_and_undo_silences_it() -> None:
    leaky = (
        "class Motor:\n"
        "    def __init__(self, make_signal):\n"
        "        self.position = make_signal('POS')\n\n"
        "    def move_to(self, target, done):\n"
        "        def arrived(value, **kwargs):\n"
        "            if value == target:\n"
        "                done.set()\n"
        "        self.position.subscribe(arrived)\n"  # 9
        "        self.position.put(target)\n"
    )
    assert _levels(leaky, "default") == {9: "medium"}
    fixed = leaky + "        self.position.clear_sub(arrived)\n"
    assert _levels(fixed, "strict") == {}


def test_closure_per_call_on_an_attribute_nothing_here_sets_is_strict_only() -> None:
    # `self.button` may be the instance's own child (it dies with it): the pile-up is shown as low
    source = (
        "class Panel:\n"
        "    def refresh(self):\n"
        "        self.button.clicked.connect(lambda: self.redraw(3))\n"  # 3
        "\n    def redraw(self, n):\n        pass\n"
    )
    assert _levels(source, "strict") == {3: "low"}
    assert _levels(source, "default") == {}


def test_registries_of_qt_modules_and_weak_in_file_registries_are_left_alone() -> None:
    qt = (
        "from PyQt5 import QtCore\n\n\n"
        "class Row:\n"
        "    def __init__(self, model):\n"
        "        self.model = model\n"
        "        self.model.changed.connect(lambda: self.update())\n"
        "\n    def update(self):\n        pass\n"
    )
    assert _levels(qt, "strict") == {}
    weak = (
        "import weakref\n\n\n"
        "class Hub:\n"
        "    def __init__(self):\n"
        "        self._listeners = []\n\n"
        "    def add_listener(self, callback):\n"
        "        self._listeners.append(weakref.WeakMethod(callback))\n\n\n"
        "class Client:\n"
        "    def __init__(self, hub):\n"
        "        self.hub = hub\n"
        "        self.hub.add_listener(self.on_event)\n\n"
        "    def on_event(self, event):\n        pass\n\n"
        "    def __del__(self):\n        pass\n"
    )
    assert _levels(weak, "strict") == {}


def test_one_shot_callbacks_are_not_registrations() -> None:
    source = (
        "class Fetcher:\n"
        "    def __init__(self, loop):\n"
        "        self.loop = loop\n\n"
        "    def fetch(self, url, results):\n"
        "        def store(value):\n"
        "            results.append((url, value))\n"
        "        self.loop.add_callback(store)\n"
        "        self.loop.call_soon(store, None)\n"
    )
    assert _levels(source, "strict") == {}
