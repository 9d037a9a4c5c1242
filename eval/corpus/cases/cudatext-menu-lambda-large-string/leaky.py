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

    def show(self, text: str) -> None:
        print(text[:3])

    def show_fat_menu(self, path: str) -> None:
        with open(path) as handle:
            large_text = handle.read()
        menu_add(self.menu_id, "Caption", command=lambda: self.show(large_text))  # LEAK
