from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from weakref import WeakValueDictionary


def subproc_call_instance_function(instance_id, func_name, *args, **kwargs):
    """Trampoline run in a worker process: call a method of a processor found by its id."""
    try:
        instance = Processor.instance_map[instance_id]
        return getattr(instance, func_name)(*args, **kwargs)
    except Exception:
        # this worker does not know the instance: exit, the pool recreates it with fresh state
        sys.exit(1)


class ResourceLoader:
    def __init__(self, app_path):
        self.app_path = app_path
        self.gazetteers = {}

    @classmethod
    def create_resource_loader(cls, app_path):
        return cls(app_path)


class Processor(ABC):
    instance_map = WeakValueDictionary()
    """The map of identity to instance."""

    def __init__(self, app_path, resource_loader=None, config=None):
        self._app_path = app_path
        self.resource_loader = resource_loader or ResourceLoader.create_resource_loader(app_path)
        self._children = {}
        self.ready = False
        self.dirty = False
        self.config = config or {}
        Processor.instance_map[id(self)] = self

    def build(self, incremental=False):
        self._build(incremental=incremental)
        for child in self._children.values():
            child.build(incremental=incremental)
        self.ready = True
        self.dirty = True

    @abstractmethod
    def _build(self, incremental=False):
        raise NotImplementedError


class NaturalLanguageProcessor(Processor):
    def _build(self, incremental=False):
        self.resource_loader.gazetteers["built"] = True
