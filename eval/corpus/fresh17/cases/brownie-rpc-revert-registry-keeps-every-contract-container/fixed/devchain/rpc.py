import weakref
from typing import Any, Callable, Dict, List, Optional


class _Singleton(type):
    _instances: Dict[type, Any] = {}

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Rpc(metaclass=_Singleton):
    """Local development chain; registered objects follow its resets and reverts."""

    def __init__(self, block_number: Optional[Callable[[], int]] = None) -> None:
        self._block_number = block_number or (lambda: 0)
        self._snapshot_id: Optional[int] = None
        self._revert_refs: List["weakref.ref[Any]"] = []

    def _revert_register(self, obj: Any) -> None:
        self._revert_refs.append(weakref.ref(obj))

    def _notify_registry(self, height: Optional[int] = None) -> None:
        if height is None:
            height = self._block_number()
        for ref in self._revert_refs.copy():
            obj = ref()
            if obj is None:
                self._revert_refs.remove(ref)
            elif height:
                obj._revert(height)
            else:
                obj._reset()

    def snapshot(self) -> int:
        self._snapshot_id = (self._snapshot_id or 0) + 1
        return self._snapshot_id

    def revert(self) -> None:
        self._notify_registry()

    def reset(self) -> None:
        self._snapshot_id = None
        self._notify_registry(0)


rpc = Rpc()
