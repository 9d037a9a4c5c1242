from __future__ import annotations

import os

import matplotlib.pyplot as plt


def plot_jac_test(plotframe, obs_plotted, real_pages: int, filetype=None, figures_dir: str = ".") -> None:
    """One page of 8x4 derivative-vs-increment panels per parameter and page."""
    num_obs_plotted = len(obs_plotted)
    for param, group in plotframe.groupby("parameter"):
        for page in range(0, real_pages):
            fig, axes = plt.subplots(8, 4, sharex=True, figsize=(10, 15))
            for row in range(0, 8):
                for col in range(0, 4):
                    count = 32 * page + 4 * row + col
                    if count < num_obs_plotted:
                        axes[row, col].scatter(group["increment"], group[obs_plotted[count]])
                        axes[row, col].plot(group["increment"], group[obs_plotted[count]], "r")
                        axes[row, col].set_title(obs_plotted[count])
                        axes[row, col].tick_params(direction="in")
            plt.tight_layout()

            if filetype is None:
                plt.show()
            else:
                plt.savefig(os.path.join(figures_dir, "{0}_jactest_{1}.{2}".format(param, page, filetype)))
            plt.close()
