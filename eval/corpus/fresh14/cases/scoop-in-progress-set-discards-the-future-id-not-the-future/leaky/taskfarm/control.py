from typing import Any, Dict, Optional, Tuple

future_dict: Dict[Tuple[int, int], Any] = {}
exec_queue: Optional[Any] = None


def del_future(future: Any) -> None:
    future_dict.pop(future.id, None)
    parent = future_dict.get(future.parent_id)
    if parent is not None:
        parent.children.pop(future, None)


def start_worker() -> Any:
    global exec_queue
    from .types import FutureQueue

    exec_queue = FutureQueue()
    return exec_queue
