import weakref
from typing import Any, Iterable, Set


class Scheduler:
    """Schedules atoms through the runtime's per-atom scheduler lookup."""

    def __init__(self, runtime: Any) -> None:
        self._runtime = weakref.proxy(runtime)

    def schedule(self, atoms: Iterable[str]) -> Set[Any]:
        futures = set()
        for atom in atoms:
            futures.add(self._runtime.fetch_scheduler(atom)(atom))
        return futures
