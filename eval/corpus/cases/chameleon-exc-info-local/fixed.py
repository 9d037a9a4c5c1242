from __future__ import annotations


class RenderError(Exception):
    pass


def render(template, econtext: dict) -> str:
    try:
        return template.render(**econtext)
    except Exception as exc:
        raise RenderError(f"{type(exc).__name__} in {template.filename}: {exc}") from exc
