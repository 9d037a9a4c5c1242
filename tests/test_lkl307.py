"""LKL307: how a dropped registration handle is graded, and registrations a project models itself."""

from __future__ import annotations

from pathlib import Path
from typing import List, Tuple

from leaklint.config import Settings, load_settings
from leaklint.runner import lint_paths


def _findings(tmp_path: Path, code: str, profile: str = "strict",
              select: Tuple[str, ...] = ("LKL307",)) -> List[Tuple[int, str]]:
    path = tmp_path / "m.py"
    path.write_text(code, encoding="utf-8")
    settings = Settings(root=str(tmp_path), select=select, profile=profile)
    return [(f.line, f.confidence.value) for f in lint_paths([str(path)], settings).findings]


def test_per_call_hook_is_medium_and_own_hook_is_low(tmp_path: Path) -> None:
    code = (
        "import torch\n\n\n"
        "def features(net, batch):\n"
        "    net.register_forward_hook(print)\n"  # 5: per call, on a model handed in
        "    return net(batch)\n\n\n"
        "class Extractor(torch.nn.Module):\n"
        "    def __init__(self, backbone):\n"
        "        super().__init__()\n"
        "        self.fc = torch.nn.Linear(4, 2)\n"
        "        self.fc.register_forward_hook(self.keep)\n"  # 13: a part it made
        "        self.register_forward_pre_hook(self.keep)\n"  # 14: the module itself
        "\n    def keep(self, *args):\n        pass\n"
    )
    assert _findings(tmp_path, code) == [(5, "medium"), (13, "low"), (14, "low")]
    assert _findings(tmp_path, code, profile="default") == [(5, "medium")]


def test_one_shot_timer_and_entry_points_are_quiet(tmp_path: Path) -> None:
    code = (
        "from homeassistant.helpers.event import async_call_later, async_track_time_interval\n\n\n"
        "async def async_setup_entry(hass, entry):\n"
        "    async_call_later(hass, 5, print)\n"  # 5: fires once, then it is gone
        "    return True\n\n\n"
        "async def async_setup(hass, config):\n"
        "    async_track_time_interval(hass, print, 30)\n"  # once per start: quiet
        "    return True\n\n\n"
        "async_track_time_interval(None, print, 30)\n"  # at import: quiet
    )
    assert _findings(tmp_path, code) == []


def test_one_shot_timer_of_an_owner_that_keeps_its_other_timers_is_low(tmp_path: Path) -> None:
    code = (
        "class Session:\n"
        "    def __init__(self, loop):\n"
        "        self.loop = loop\n"
        "        self._idle = loop.call_later(60, self.expire)\n\n"
        "    def poke(self):\n"
        "        self.loop.call_later(1, self.flush)\n"  # 7: the class could cancel it with the other
        "\n    def close(self):\n        self._idle.cancel()\n"
        "\n    def expire(self):\n        pass\n"
        "\n    def flush(self):\n        pass\n\n\n"
        "def remind(loop, callback):\n"
        "    loop.call_later(10, callback)\n"  # 20: one-shot, no owner: quiet
    )
    assert _findings(tmp_path, code) == [(7, "low")]


def test_registrations_in_run_once_hooks_are_quiet(tmp_path: Path) -> None:
    code = (
        "from loguru import logger\n\n"
        "_installed = False\n\n\n"
        "class Integration:\n"
        "    @staticmethod\n"
        "    def setup_once():\n"
        "        logger.add(print)\n\n"  # 9: the framework runs it once per process
        "    def __init_subclass__(cls, **kwargs):\n"
        "        logger.add(cls.sink)\n\n\n"  # 12: once per class definition
        "def install():\n"
        "    global _installed\n"
        "    if _installed:\n"
        "        return\n"
        "    logger.add(print)\n"  # 20: guarded by the flag it sets
        "    _installed = True\n\n\n"
        "def install_flag_read_only():\n"
        "    if _installed:\n"
        "        return\n"
        "    logger.add(print)\n\n\n"  # 26: the flag is never set here: per call
        "def setup(path):\n"
        "    logger.add(path)\n"  # 30: per call
    )
    assert _findings(tmp_path, code) == [(26, "medium"), (30, "medium")]


def test_handle_kept_handed_over_or_read_is_quiet(tmp_path: Path) -> None:
    code = (
        "from contextlib import ExitStack\n\n\n"
        "def run(net, batch, stack: ExitStack):\n"
        "    stack.callback(net.register_forward_hook(print).remove)\n"
        "    handles = [net.register_forward_pre_hook(print)]\n"
        "    return net(batch), handles\n\n\n"
        "def closure(net):\n"
        "    handle = net.register_forward_hook(print)\n"
        "    return lambda: handle.remove()\n"
    )
    assert _findings(tmp_path, code) == []


def test_project_registration_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.leaklint.models.register]\n"mylib.bus.subscribe" = { undo = "returned.cancel()" }\n', encoding="utf-8"
    )
    (tmp_path / "m.py").write_text(
        "from mylib import bus\n\n\ndef watch(cb):\n    bus.subscribe(cb)\n\n\n"
        "def watch_kept(cb):\n    token = bus.subscribe(cb)\n    return token\n",
        encoding="utf-8",
    )
    report = lint_paths([str(tmp_path / "m.py")], load_settings(tmp_path))
    found = [(f.code, f.line) for f in report.findings if f.code == "LKL307"]
    assert found == [("LKL307", 5)]
    assert "handle.cancel()" in report.findings[0].suggestion


def test_hook_on_a_part_handed_in_is_per_instance(tmp_path: Path) -> None:
    code = (
        "class Coordinator:\n"
        "    def __init__(self, hass, backbone):\n"
        "        self.backbone = backbone\n"
        "        self.backbone.register_forward_hook(self.keep)\n"  # 4: handed in, outlives it
        "        self.hass.bus.async_listen('state_changed', self.keep)\n"  # 5: set by a base class
        "\n    def keep(self, *args):\n        pass\n"
    )
    # (a listener on the bus is LKL113's, graded the same way)
    assert _findings(tmp_path, code, select=("LKL307", "LKL113")) == [(4, "medium"), (5, "medium")]


def test_tornado_timeout_rearmed_by_its_callback(tmp_path: Path) -> None:
    code = (
        "class Callback:\n"
        "    def __init__(self, io_loop):\n"
        "        self.io_loop = io_loop\n\n"
        "    def start(self):\n"
        "        self.io_loop.add_timeout(5, self._run)\n"  # 6: _run calls start again
        "\n    def _run(self):\n        self.start()\n"
    )
    assert _findings(tmp_path, code) == [(6, "medium")]
