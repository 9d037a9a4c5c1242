from __future__ import annotations

_param_objects: list = []


class ParamObject:
    def __init__(self, value) -> None:
        self.value = value


def run_module_function(func, *values):
    params = [ParamObject(value) for value in values]
    _param_objects.extend(params)
    try:
        return func(*params)
    finally:
        del _param_objects[-len(params):]
