from __future__ import annotations

import itertools
import random

import matplotlib.pyplot as plt


def float_range(start: float, stop: float, step: float):
    while start < stop:
        yield start
        start += step


class GenerativeImage:
    def __init__(self, function1, function2) -> None:
        self.function1 = function1
        self.function2 = function2
        self.data1: list = []
        self.data2: list = []
        self.fig = None
        self.seed = random.randint(0, 2 ** 20)

    def generate(self, start: float = -3.14, step: float = 0.01, stop: float = 3.14) -> None:
        self.data1 = []
        self.data2 = []
        grid = list(float_range(start, stop, step))
        for x, y in itertools.product(grid, grid):
            random.seed(self.seed)
            self.data1.append(self.function1(x, y).real)
            self.data2.append(self.function2(x, y).real)

    def plot(self, color: str = "black", bgcolor: str = "white", size=(10, 10)) -> None:
        fig = plt.figure()  # LEAK
        fig.set_size_inches(size[0], size[1])
        fig.set_facecolor(bgcolor)
        ax = fig.add_subplot(111)
        ax.set_facecolor(bgcolor)
        ax.scatter(self.data2, self.data1, c=color, s=0.01)
        ax.set_axis_off()
        self.fig = fig

    def save_image(self, file_adr: str) -> None:
        self.fig.savefig(file_adr, dpi=300)
