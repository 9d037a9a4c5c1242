import weakref
from contextlib import suppress
from typing import Any, Dict, Optional, Type

from psygnal._group import SignalGroup


def connect_child_events(obj: Any, recurse: bool = False, _group: Optional[SignalGroup] = None) -> None:
    if isinstance(obj, weakref.ref):
        obj = obj()
        if obj is None:
            return
    for name, value in vars(obj).items():
        child_group = getattr(value, "events", None)
        if isinstance(child_group, SignalGroup) and _group is not None:
            child_group._psygnal_relay.connect(lambda *args: None)


class SignalGroupDescriptor:
    def __init__(self, signal_group_class: Type[SignalGroup] = SignalGroup, connect_child_events: bool = False,
                 cache_on_instance: bool = True) -> None:
        self._signal_group_class = signal_group_class
        self._connect_child_events = connect_child_events
        self._cache_on_instance = cache_on_instance
        self._instance_map: Dict[int, SignalGroup] = {}
        self._name: Optional[str] = None

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, instance: object, owner: type) -> Any:
        if instance is None:
            return self
        obj_id = id(instance)
        if obj_id not in self._instance_map:
            self._instance_map[obj_id] = grp = self._signal_group_class(instance)
            if self._name and self._cache_on_instance:
                with suppress(Exception):
                    setattr(instance, self._name, grp)
            # clean up the cache when the instance is deleted
            with suppress(TypeError):
                weakref.finalize(instance, self._instance_map.pop, obj_id, None)
            if self._connect_child_events:
                try:
                    ref_ = weakref.ref(instance)
                except TypeError:
                    ref_ = instance
                grp._psygnal_relay._on_first_connect_callbacks.append(
                    lambda: connect_child_events(ref_, recurse=True, _group=grp)
                )
        return self._instance_map[obj_id]
