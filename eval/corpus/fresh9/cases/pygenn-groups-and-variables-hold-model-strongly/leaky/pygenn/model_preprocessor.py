from __future__ import annotations


class Variable:
    """Information about one GeNN variable of a group."""

    def __init__(self, variable_name: str, variable_type: str, values, group) -> None:
        self.name = variable_name
        self.type = variable_type
        self.group = group  # LEAK
        self.extra_global_params = {}
        self.view = None
        self.needs_allocation = False
        self.values = values


def prepare_vars(var_space: dict, group) -> dict:
    return {name: Variable(name, "scalar", values, group) for name, values in var_space.items()}
