from __future__ import annotations

import sys


class RenderError(Exception):
    pass


def render(template, econtext: dict) -> str:
    try:
        return template.render(**econtext)
    except Exception:
        exc_info = sys.exc_info()  # LEAK
        raise RenderError(f"{exc_info[0].__name__} in {template.filename}: {exc_info[1]}") from exc_info[1]
