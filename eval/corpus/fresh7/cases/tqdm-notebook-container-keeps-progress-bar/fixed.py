from __future__ import annotations

import sys
from weakref import proxy
from ipywidgets import HTML, FloatProgress as IProgress, HBox
from IPython.display import display

from tqdm.std import tqdm as std_tqdm


class TqdmHBox(HBox):
    """ipywidgets.HBox with a pretty representation."""

    def _repr_json_(self, pretty=None) -> dict:
        pbar = getattr(self, "pbar", None)
        if pbar is None:
            return {}
        d = pbar.format_dict
        if pretty is not None:
            d["ascii"] = not pretty
        return d


class tqdm_notebook(std_tqdm):
    @staticmethod
    def status_printer(_, total=None, desc=None, ncols=None) -> TqdmHBox:
        if total:
            pbar = IProgress(min=0, max=total)
        else:
            pbar = IProgress(min=0, max=1)
            pbar.value = 1
            pbar.bar_style = "info"
        ltext = HTML()
        rtext = HTML()
        if desc:
            ltext.value = desc
        return TqdmHBox(children=[ltext, pbar, rtext])

    def __init__(self, *args, **kwargs) -> None:
        kwargs = kwargs.copy()
        file_kwarg = kwargs.get("file", sys.stderr)
        if file_kwarg is sys.stderr or file_kwarg is None:
            kwargs["file"] = sys.stdout
        kwargs["gui"] = True
        kwargs["disable"] = bool(kwargs.get("disable", False))
        display_here = kwargs.pop("display", True)
        super().__init__(*args, **kwargs)
        if self.disable:
            self.disp = lambda *_, **__: None
            return

        unit_scale = 1 if self.unit_scale is True else self.unit_scale or 1
        total = self.total * unit_scale if self.total else self.total
        self.container = self.status_printer(self.fp, total, self.desc, self.ncols)
        self.container.pbar = proxy(self)
        self.displayed = False
        if display_here and self.delay <= 0:
            display(self.container)
            self.displayed = True

    def display(self, msg=None, pos=None, close=False, bar_style=None, check_delay=True) -> None:
        ltext, pbar, rtext = self.container.children
        pbar.value = self.n
        rtext.value = self.format_meter(**self.format_dict)
        if bar_style:
            pbar.bar_style = bar_style
