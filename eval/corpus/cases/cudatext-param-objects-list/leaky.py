from __future__ import annotations

_param_objects: list = []  # LEAK


class ParamObject:
    def __init__(self, value) -> None:
        self.value = value


def run_module_function(func, *values):
    params = [ParamObject(value) for value in values]
    _param_objects.extend(params)  # LEAK
    return func(*params)
