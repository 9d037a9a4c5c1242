from __future__ import annotations

_handlers: dict = {}


def on(name: str, handler) -> None:
    _handlers[name] = handler


def off(name: str) -> None:
    _handlers.pop(name, None)


def register_reports(report_names: list, render) -> None:
    for name in report_names:
        on(name, lambda name=name: render(name))
