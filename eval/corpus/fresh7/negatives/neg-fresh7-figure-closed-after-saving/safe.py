from __future__ import annotations

import matplotlib.pyplot as plt


def save_scatter(xs, ys, path: str, color: str = "black") -> str:
    fig = plt.figure()
    try:
        ax = fig.add_subplot(111)
        ax.scatter(xs, ys, c=color, s=0.5)
        ax.set_axis_off()
        fig.savefig(path, dpi=150)
    finally:
        plt.close(fig)
    return path
