from __future__ import annotations

import warnings
from typing import Any, Callable, List

registered_layers: List[tuple] = []


def _draw_quietly(wrapped: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
    """Call the plotting function with its warnings suppressed for this call only."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return wrapped(*args, **kwargs)


def common(plot_type: str, wrapped: Callable[..., Any], _: Any, args: tuple, kwargs: dict) -> Any:
    """Draw a patched plot and register the layer it produced."""
    plot = _draw_quietly(wrapped, args, kwargs)
    registered_layers.append((plot_type, id(plot)))
    return plot
