from __future__ import annotations

import tkinter as tk


class FigureCanvasTk:
    def __init__(self, figure, master: tk.Misc) -> None:
        self.figure = figure
        self._tkcanvas = tk.Canvas(master=master, width=640, height=480)
        self._tkcanvas.bind("<Button-4>", self.scroll_event)

        root = self._tkcanvas.winfo_toplevel()
        root.bind("<MouseWheel>", self.scroll_event_windows, "+")  # LEAK

        def filter_destroy(event) -> None:  # LEAK
            if event.widget is self._tkcanvas:  # LEAK
                self.close_event()

        root.bind("<Destroy>", filter_destroy, "+")  # LEAK

    def scroll_event(self, event) -> None:
        self.figure.scroll(event.delta)

    def scroll_event_windows(self, event) -> None:
        self.scroll_event(event)

    def close_event(self) -> None:
        self.figure.close()
