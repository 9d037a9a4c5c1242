import logging
import sys
from typing import Any, Callable, Dict, Iterator, List, Tuple

from .graph import Graph

LOG = logging.getLogger(__name__)


class ExceptionGroup(Exception):
    def __init__(self, exceptions: Any = ()) -> None:
        self.exceptions = list(exceptions)
        super().__init__(self.exceptions)


class TaskRunner:
    def __init__(self, task: Callable[[], Iterator[None]]) -> None:
        self._task = task
        self._runner: Any = None
        self._done = False

    def start(self) -> None:
        self._runner = self._task()
        self.step()

    def step(self) -> bool:
        try:
            next(self._runner)
        except StopIteration:
            self._done = True
        return self._done

    def cancel(self) -> None:
        if self._runner is not None:
            self._runner.close()
        self._done = True

    def started(self) -> bool:
        return self._runner is not None

    def __bool__(self) -> bool:
        return not self._done


class DependencyTaskGroup:
    def __init__(self, graph: Graph, task: Callable[[str], Callable[[], Iterator[None]]],
                 aggregate_exceptions: bool = False) -> None:
        self._graph = graph
        self._runners: Dict[str, TaskRunner] = {key: TaskRunner(task(key)) for key in graph}
        self.aggregate_exceptions = aggregate_exceptions

    def _ready(self) -> Iterator[Tuple[str, TaskRunner]]:
        for key, node in list(self._graph.items()):
            runner = self._runners[key]
            if not runner.started() and not (node.requires & set(self._graph)):
                yield key, runner

    def _running(self) -> Iterator[Tuple[str, TaskRunner]]:
        for key in list(self._graph):
            runner = self._runners[key]
            if runner.started() and runner:
                yield key, runner

    def __call__(self) -> Iterator[None]:
        raised_exceptions: List[Any] = []
        thrown_exceptions: List[Any] = []
        k, r = "", None
        while any(self._runners.values()):
            try:
                for k, r in self._ready():
                    r.start()
                    if not r:
                        del self._graph[k]
                if self._graph:
                    try:
                        yield
                    except Exception:
                        thrown_exceptions.append(sys.exc_info())  # LEAK
                        raise
                for k, r in self._running():
                    if r.step():
                        del self._graph[k]
            except Exception:
                exc_info = sys.exc_info()  # LEAK
                if self.aggregate_exceptions:
                    self._cancel_recursively(k, r)
                else:
                    self.cancel_all()
                raised_exceptions.append(exc_info)
                del exc_info

        if raised_exceptions:
            try:
                if self.aggregate_exceptions:
                    raise ExceptionGroup(v for t, v, tb in raised_exceptions)
                if thrown_exceptions:
                    raise thrown_exceptions[-1][1]
                raise raised_exceptions[0][1]
            finally:
                del raised_exceptions
                del thrown_exceptions

    def cancel_all(self) -> None:
        for runner in self._runners.values():
            try:
                runner.cancel()
            except Exception as ex:
                LOG.debug("Exception cancelling task: %s", ex)

    def _cancel_recursively(self, key: str, runner: Any) -> None:
        runner.cancel()
        node = self._graph.get(key)
        if node is None:
            return
        for dependent in node.required_by():
            self._cancel_recursively(dependent, self._runners[dependent])
