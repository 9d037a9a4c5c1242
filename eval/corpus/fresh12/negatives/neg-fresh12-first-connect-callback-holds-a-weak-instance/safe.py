import weakref
from typing import Any, Callable, Dict, List


class Group:
    def __init__(self) -> None:
        self.on_first_connect: List[Callable[[], None]] = []


def connect_children(ref: "weakref.ref[Any]") -> None:
    obj = ref()
    if obj is not None:
        obj.children_connected = True


class GroupDescriptor:
    def __init__(self) -> None:
        self._groups: Dict[int, Group] = {}

    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is None:
            return self
        key = id(instance)
        if key not in self._groups:
            group = self._groups[key] = Group()
            weakref.finalize(instance, self._groups.pop, key, None)
            ref = weakref.ref(instance)
            group.on_first_connect.append(lambda: connect_children(ref))
        return self._groups[key]
