from __future__ import annotations

from .model_preprocessor import prepare_vars


class Group:
    """Parent class of NeuronGroup, SynapseGroup and CurrentSource."""

    def __init__(self, name: str, model) -> None:
        self.name = name
        self._model = model  # LEAK
        self.vars = {}
        self.extra_global_params = {}

    def pull_state_from_device(self) -> None:
        self._model.pull_state_from_device(self.name)


class NeuronGroup(Group):
    def set_neuron(self, neuron, param_space: dict, var_space: dict) -> None:
        self.neuron = neuron
        self.params = param_space
        self.vars = prepare_vars(var_space, self)
