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
        self._revert_objects: List[Any] = []

    def _revert_register(self, obj: Any) -> None:
        self._revert_objects.append(obj)  # LEAK

    def _revert_unregister(self, obj: Any) -> None:
        self._revert_objects.remove(obj)

    def snapshot(self) -> int:
        self._snapshot_id = (self._snapshot_id or 0) + 1
        return self._snapshot_id

    def revert(self) -> None:
        height = self._block_number()
        for obj in self._revert_objects:
            if height:
                obj._revert(height)
            else:
                obj._reset()

    def reset(self) -> None:
        self._snapshot_id = None
        for obj in self._revert_objects:
            obj._reset()


rpc = Rpc()
