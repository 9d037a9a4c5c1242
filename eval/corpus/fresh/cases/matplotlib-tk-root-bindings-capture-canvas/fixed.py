from __future__ import annotations

import tkinter as tk
import weakref


class FigureCanvasTk:
    def __init__(self, figure, master: tk.Misc) -> None:
        self.figure = figure
        self._tkcanvas = tk.Canvas(master=master, width=640, height=480)
        self._tkcanvas.bind("<Button-4>", self.scroll_event)

        root = self._tkcanvas.winfo_toplevel()
        # the toplevel outlives the canvas: its callbacks reach the canvas only weakly
        weakself = weakref.ref(self)
        weakroot = weakref.ref(root)

        def scroll_event_windows(event) -> None:
            canvas = weakself()
            if canvas is None:
                top = weakroot()
                if top is not None:
                    top.unbind("<MouseWheel>", scroll_id)
                return
            canvas.scroll_event_windows(event)

        scroll_id = root.bind("<MouseWheel>", scroll_event_windows, "+")

        def filter_destroy(event) -> None:
            canvas = weakself()
            if canvas is None:
                top = weakroot()
                if top is not None:
                    top.unbind("<Destroy>", destroy_id)
                return
            if event.widget is canvas._tkcanvas:
                canvas.close_event()

        destroy_id = root.bind("<Destroy>", filter_destroy, "+")

    def scroll_event(self, event) -> None:
        self.figure.scroll(event.delta)

    def scroll_event_windows(self, event) -> None:
        self.scroll_event(event)

    def close_event(self) -> None:
        self.figure.close()
