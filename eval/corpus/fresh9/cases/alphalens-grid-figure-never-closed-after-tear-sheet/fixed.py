from __future__ import annotations

import matplotlib.gridspec as gridspec
import matplotlib.pyplot as plt

from . import performance as perf
from . import plotting


class GridFigure:
    """Lays plots out on a grid of one figure."""

    def __init__(self, rows: int, cols: int) -> None:
        self.rows = rows
        self.cols = cols
        self.fig = plt.figure(figsize=(14, rows * 7))
        self.gs = gridspec.GridSpec(rows, cols, wspace=0.4, hspace=0.3)
        self.curr_row = 0
        self.curr_col = 0

    def next_row(self):
        if self.curr_col != 0:
            self.curr_row += 1
            self.curr_col = 0
        subplt = plt.subplot(self.gs[self.curr_row, :])
        self.curr_row += 1
        return subplt

    def close(self) -> None:
        plt.close(self.fig)
        self.fig = None
        self.gs = None


def create_information_tear_sheet(factor_data, group_neutral: bool = False, by_group: bool = False) -> None:
    ic = perf.factor_information_coefficient(factor_data, group_neutral)
    plotting.plot_information_table(ic)

    gf = GridFigure(rows=2, cols=1)
    plotting.plot_ic_ts(ic, ax=gf.next_row())
    plotting.plot_ic_hist(ic, ax=gf.next_row())
    gf.close()


def create_turnover_tear_sheet(factor_data, turnover_periods) -> None:
    gf = GridFigure(rows=len(turnover_periods), cols=1)
    for period in turnover_periods:
        plotting.plot_top_bottom_quantile_turnover(factor_data, period=period, ax=gf.next_row())
    gf.close()
