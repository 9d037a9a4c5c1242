from __future__ import annotations

import warnings
from typing import Any, Callable, List

registered_layers: List[tuple] = []


def common(plot_type: str, wrapped: Callable[..., Any], _: Any, args: tuple, kwargs: dict) -> Any:
    """Draw a patched plot and register the layer it produced."""
    # Suppress warnings not to confuse screen-reader users
    warnings.filterwarnings("ignore")  # LEAK
    plot = wrapped(*args, **kwargs)
    registered_layers.append((plot_type, id(plot)))
    return plot
