from typing import Any, Dict, List

import dynesty.plotting
import matplotlib.pyplot as plt
import numpy as np


def save_final_plots(results: Any, phase: np.ndarray, detrended: np.ndarray, residuals: np.ndarray, labels: List[str], save_dir: str, tag: str) -> None:
    f, (ax_lc, ax_res) = plt.subplots(2, 1, sharex=True)
    ax_lc.plot(phase, detrended, "o", color="gray", markersize=5)
    ax_res.plot(phase, residuals, "o", color="gray", markersize=5)
    ax_res.set_ylabel("Residuals")
    f.subplots_adjust(hspace=0)
    f.savefig(save_dir + "FinalLightCurve" + tag + ".png", bbox_inches="tight")
    plt.close()

    # triangle plot of the posterior
    fig, axs = dynesty.plotting.cornerplot(results, labels=labels, quantiles_2d=[0.4, 0.85], show_titles=True)  # LEAK
    dynesty.plotting.cornerpoints(results, labels=labels, fig=[fig, axs[1:, :-1]], plot_kwargs={"alpha": 0.1})
    fig.savefig(save_dir + "temp/Triangle_" + tag + ".png")


def reduce_all(nights: List[Dict[str, Any]], save_dir: str) -> None:
    for night in nights:
        save_final_plots(night["results"], night["phase"], night["detrended"], night["residuals"], night["labels"], save_dir, night["tag"])
