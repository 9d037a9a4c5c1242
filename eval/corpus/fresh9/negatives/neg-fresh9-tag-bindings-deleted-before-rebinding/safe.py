from __future__ import annotations

import tkinter
from functools import partial
from typing import List


class Underliner:
    def __init__(self, textwidget: tkinter.Text) -> None:
        self.textwidget = textwidget
        self._bindings: List[str] = []

    def set_underlines(self, spans) -> None:
        for binding in self._bindings:
            self.textwidget.deletecommand(binding)
        self._bindings.clear()
        for index, (start, end) in enumerate(spans):
            tag = f"underline{index}"
            self.textwidget.tag_add(tag, start, end)
            self._bindings.append(self.textwidget.tag_bind(tag, "<Enter>", partial(self._show, tag)))

    def _show(self, tag: str, event=None) -> None:
        pass
