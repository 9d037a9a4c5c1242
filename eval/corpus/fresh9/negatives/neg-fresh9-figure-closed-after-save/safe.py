from __future__ import annotations

import os

import matplotlib.pyplot as plt


def save_pages(pages, out_dir: str) -> None:
    for number, rows in enumerate(pages):
        fig, ax = plt.subplots(figsize=(8, 4))
        try:
            ax.plot(rows)
            fig.savefig(os.path.join(out_dir, f"page_{number}.png"))
        finally:
            plt.close(fig)
