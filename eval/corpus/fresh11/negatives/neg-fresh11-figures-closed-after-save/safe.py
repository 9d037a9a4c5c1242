import io

import matplotlib.pyplot as plt


def save_figures(figures, write) -> None:
    for name, fig in figures.items():
        buffer = io.BytesIO()
        try:
            fig.savefig(buffer, format="png")
            write(name, buffer.getvalue())
        finally:
            plt.close(fig)
