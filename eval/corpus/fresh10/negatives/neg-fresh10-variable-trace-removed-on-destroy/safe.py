from __future__ import annotations

import tkinter as tk


class Gauge(tk.Canvas):
    def __init__(self, master: tk.Misc, variable: tk.IntVar, **kwargs) -> None:
        super().__init__(master, **kwargs)
        self._variable = variable
        self._trace_id = variable.trace_add("write", self._on_change)

    def _on_change(self, *args) -> None:
        self.delete("bar")
        self.create_rectangle(0, 0, self._variable.get(), 10, tags="bar")

    def destroy(self) -> None:
        if self._trace_id is not None:
            self._variable.trace_remove("write", self._trace_id)
            self._trace_id = None
        super().destroy()
