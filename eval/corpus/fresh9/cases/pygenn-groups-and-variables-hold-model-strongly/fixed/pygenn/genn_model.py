from __future__ import annotations

from .genn_groups import NeuronGroup


class GeNNModel:
    def __init__(self, model_name: str = "GeNNModel", shared_library_model=None) -> None:
        self.model_name = model_name
        self._slm = shared_library_model  # frees device memory when destroyed
        self.neuron_populations = {}
        self._built = False

    def add_neuron_population(self, pop_name: str, num_neurons: int, neuron, param_space: dict, var_space: dict):
        if self._built:
            raise Exception("GeNN model already built")
        if pop_name in self.neuron_populations:
            raise ValueError("Neuron population '{0}' already exists".format(pop_name))
        n_group = NeuronGroup(pop_name, self)
        n_group.set_neuron(neuron, param_space, var_space)
        self.neuron_populations[pop_name] = n_group
        return n_group

    def pull_state_from_device(self, pop_name: str) -> None:
        self._slm.pull_state_from_device(pop_name)
