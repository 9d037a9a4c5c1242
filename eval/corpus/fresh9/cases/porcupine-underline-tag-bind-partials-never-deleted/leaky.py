from __future__ import annotations

import dataclasses
import tkinter
from functools import partial
from typing import Dict, List, Optional


@dataclasses.dataclass
class Underline:
    start: str
    end: str
    message: str
    is_error: bool


class _Underliner:
    def __init__(self, textwidget: tkinter.Text) -> None:
        self.textwidget = textwidget
        self.textwidget.bind("<Unmap>", self._hide_popup, add=True)
        self._popup: Optional[tkinter.Toplevel] = None
        self._currently_showing_tag: Optional[str] = None
        self._currently_tagged: Dict[str, Underline] = {}

    def set_underlines(self, underlines: List[Underline]) -> None:
        """Called on every diagnostics update from the language server."""
        self._hide_popup()

        for tag in self._currently_tagged.keys():
            self.textwidget.tag_delete(tag)
        self._currently_tagged.clear()

        for index, underline in enumerate(underlines):
            tag = f"underline{index}"
            self._currently_tagged[tag] = underline
            self.textwidget.tag_config(tag, underline=True, underlinefg=("red" if underline.is_error else "orange"))
            self.textwidget.tag_add(tag, underline.start, underline.end)
            self.textwidget.tag_bind(tag, "<Enter>", partial(self._show_popup, tag))  # LEAK
            self.textwidget.tag_bind(tag, "<Leave>", self._hide_popup)  # LEAK

    def _show_popup(self, tag: str, junk: object = None) -> None:
        if tag == self._currently_showing_tag:
            return
        self._hide_popup()
        bbox = self.textwidget.bbox(f"{tag}.first")
        if bbox is None:
            return
        x, y, width, height = bbox
        self._currently_showing_tag = tag
        self._popup = tkinter.Toplevel()
        tkinter.Label(self._popup, text=self._currently_tagged[tag].message).pack()
        self._popup.geometry(f"+{x + self.textwidget.winfo_rootx()}+{y + self.textwidget.winfo_rooty() + height + 5}")
        self._popup.overrideredirect(True)

    def _hide_popup(self, junk: object = None) -> None:
        if self._popup is not None:
            self._popup.destroy()
            self._popup = None
            self._currently_showing_tag = None
