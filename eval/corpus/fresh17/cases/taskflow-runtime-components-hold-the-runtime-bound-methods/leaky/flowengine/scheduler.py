from typing import Any, Iterable, Set


class Scheduler:
    """Schedules atoms through the runtime's per-atom scheduler lookup."""

    def __init__(self, runtime: Any) -> None:
        self._fetch_scheduler = runtime.fetch_scheduler  # LEAK

    def schedule(self, atoms: Iterable[str]) -> Set[Any]:
        futures = set()
        for atom in atoms:
            futures.add(self._fetch_scheduler(atom)(atom))
        return futures
