"""The RandR extension adds screen-configuration methods to windows."""
from typing import Any

NAME = "RANDR"


def get_screen_info(self: Any) -> dict:
    return {"window": self.id}


def set_screen_size(self: Any, width: int, height: int) -> None:
    self.display.pending = (self.id, width, height)


def init(disp: Any) -> None:
    disp.extension_add_method("window", "xrandr_get_screen_info", get_screen_info)
    disp.extension_add_method("window", "xrandr_set_screen_size", set_screen_size)
