from tkinter import Canvas, IntVar, Misc, StringVar, TclError
from typing import Any, Optional


class Floodgauge(Canvas):
    def __init__(self, master: Optional[Misc] = None, value: int = 0, maximum: int = 100,
                 text: str = "", length: int = 200, thickness: int = 50, **kwargs: Any) -> None:
        self.variable = kwargs.pop("variable", IntVar(value=value))
        self.textvariable = kwargs.pop("textvariable", StringVar(value=text))
        self.length = length
        self.thickness = thickness
        super().__init__(master, highlightthickness=0, width=length, height=thickness, **kwargs)
        self.variable.trace_add("write", lambda n, i, m: self._on_var_change())  # LEAK
        self.textvariable.trace_add("write", lambda n, i, m: self._on_text_change())  # LEAK
        self.value = self.variable.get()
        self.text = self.textvariable.get()
        self.maximum = maximum
        self._after_id = None

    def _on_var_change(self) -> None:
        self.value = self.variable.get()
        self._draw()

    def _on_text_change(self) -> None:
        self.text = self.textvariable.get()
        self._draw()

    def start(self, step_size: int = 1, interval: int = 50) -> None:
        self._after_id = self.after(interval, lambda: self._run_animation(step_size, interval))

    def stop(self) -> None:
        if self._after_id:
            self.after_cancel(self._after_id)
            self._after_id = None

    def _run_animation(self, step_size: int, interval: int) -> None:
        self.variable.set((self.variable.get() + step_size) % (self.maximum + 1))
        self._after_id = self.after(interval, lambda: self._run_animation(step_size, interval))

    def _draw(self) -> None:
        self.delete("all")
        width = int(self.length * self.value / max(self.maximum, 1))
        self.create_rectangle(0, 0, width, self.thickness, fill="#0d6efd", width=0)
        self.create_text(self.length // 2, self.thickness // 2, text=self.text)

    def configure(self, cnf: Optional[str] = None, **kwargs: Any) -> Any:
        if cnf is not None:
            return super().configure(cnf)
        if "variable" in kwargs:
            self.variable = kwargs.pop("variable")
            self.variable.trace_add("write", lambda n, i, m: self._on_var_change())  # LEAK
        if "textvariable" in kwargs:
            self.textvariable = kwargs.pop("textvariable")
            self.textvariable.trace_add("write", lambda n, i, m: self._on_text_change())  # LEAK
        result = super().configure(**kwargs)
        self._draw()
        return result
