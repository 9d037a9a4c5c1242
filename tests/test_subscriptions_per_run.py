"""Listeners added again per run: LKL113 (Home Assistant listeners) and LKL214 (tkinter binds)."""

from __future__ import annotations

from conftest import findings_by_line


def test_tk_bind_of_a_fixed_sequence_in_a_repeated_method_is_low() -> None:
    source = (
        "import tkinter\n\n\n"
        "class Panel:\n"
        "    def __init__(self, root):\n"
        "        self.root = root\n\n"
        "    def refresh(self):\n"
        "        self.root.bind('<Key>', self.on_key)\n"  # 9: replaces the binding, keeps the command
        "\n    def on_key(self, event):\n        pass\n"
    )
    assert {line: f.confidence.value for line, f in findings_by_line(source, "LKL214", "strict").items()} == {9: "low"}
    assert findings_by_line(source, "LKL214", "default") == {}


def test_tk_binds_without_tkinter_or_in_functions_are_quiet() -> None:
    socket_like = (
        "class Server:\n"
        "    def restart(self):\n"
        "        self.sock.bind(('', 80), self.handler)\n"
    )
    assert findings_by_line(socket_like, "LKL214", "strict") == {}
    function = (
        "import tkinter\n\n\n"
        "def tooltip(widget, text):\n"
        "    widget.bind('<Enter>', lambda event: print(text))\n"
    )
    assert findings_by_line(function, "LKL214", "strict") == {}


def test_update_listener_in_setup_entry_is_medium_and_kept_handle_is_quiet() -> None:
    source = (
        "async def async_setup_entry(hass, entry):\n"
        "    entry.add_update_listener(reload)\n"  # 2
        "    remove = entry.add_update_listener(reload)\n"  # 3: bound, never used
        "    return True\n\n\n"
        "async def async_setup_entry_ok(hass, entry):\n"
        "    entry.async_on_unload(entry.add_update_listener(reload))\n"
        "    return True\n\n\n"
        "async def reload(hass, entry):\n    pass\n"
    )
    found = findings_by_line(source, "LKL113", "default")
    assert {line: f.confidence.value for line, f in found.items()} == {2: "medium", 3: "medium"}
    assert findings_by_line(source, "LKL307", "strict") == {}


def test_timers_stay_with_lkl307() -> None:
    source = (
        "from homeassistant.helpers.event import async_track_time_interval\n\n\n"
        "async def async_setup_entry(hass, entry):\n"
        "    async_track_time_interval(hass, print, 30)\n"
        "    return True\n"
    )
    assert list(findings_by_line(source, "LKL307", "default")) == [5]
    assert findings_by_line(source, "LKL113", "strict") == {}


def test_kivy_rule_needs_kivy() -> None:
    source = (
        "class Hint:\n"
        "    def __init__(self, window):\n"
        "        self.theme_cls.bind(size=lambda *a: self.reflow())\n"
    )
    assert findings_by_line(source, "LKL114", "strict") == {}
    assert list(findings_by_line("from kivy.uix.label import Label\n\n\n" + source.replace("class Hint:", "class Hint(Label):"),
                                 "LKL114", "default")) == [6]


def test_every_shipped_listener_model_is_in_lkl113s_trigger_names() -> None:
    from leaklint import models
    from leaklint.rules.lkl113_listener_handle_dropped import ListenerHandleDropped

    listeners = [entry for entry in models.shipped().register.values() if entry.listener]
    assert listeners
    for entry in listeners:
        assert any(word in entry.terminal for word in ListenerHandleDropped.trigger_names), entry.qualname
