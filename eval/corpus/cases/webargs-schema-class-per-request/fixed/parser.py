from __future__ import annotations

from .registry import Schema


class DictSchema(Schema):
    def __init__(self, argmap: dict) -> None:
        self.fields = dict(argmap)


def parse(argmap: dict, request) -> dict:
    return DictSchema(argmap).load(request.arguments)
