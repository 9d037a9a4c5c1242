from __future__ import annotations

_live: dict = {}


def menu_add(menu_id: int, caption: str, command) -> None:
    _live[(menu_id, caption)] = command


def menu_clear(menu_id: int) -> None:
    for key in [key for key in _live if key[0] == menu_id]:
        del _live[key]


class Command:
    def __init__(self) -> None:
        self.menu_id = 1
        self.path = None

    def show(self) -> None:
        with open(self.path) as handle:
            print(handle.read(3))

    def show_fat_menu(self, path: str) -> None:
        self.path = path
        menu_add(self.menu_id, "Caption", command="cuda_plugin.show")
