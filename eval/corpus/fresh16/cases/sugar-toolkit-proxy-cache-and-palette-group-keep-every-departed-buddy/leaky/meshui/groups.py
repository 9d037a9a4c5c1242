from typing import Any, Dict, List

_groups: Dict[str, "PaletteGroup"] = {}


def get_group(group_id: str) -> "PaletteGroup":
    group = _groups.get(group_id)
    if group is None:
        group = PaletteGroup()
        _groups[group_id] = group
    return group


class PaletteGroup:
    def __init__(self) -> None:
        self._palettes: List[Any] = []
        self._sig_ids: Dict[Any, List[int]] = {}

    def add(self, palette: Any) -> None:
        self._palettes.append(palette)
        self._sig_ids[palette] = [  # LEAK
            palette.connect("popup", self._on_popup),
            palette.connect("popdown", self._on_popdown),
        ]

    def remove(self, palette: Any) -> None:
        for sid in self._sig_ids[palette]:
            palette.disconnect(sid)
        self._palettes.remove(palette)

    def _on_popup(self, palette: Any) -> None:
        for other in self._palettes:
            if other is not palette:
                other.popdown()

    def _on_popdown(self, palette: Any) -> None:
        pass
