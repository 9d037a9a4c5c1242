import multiprocessing
import time
import traceback
from typing import Any, Callable, Dict, List, Optional


class ParallelBuildError(Exception):
    pass


class ParallelTasks:
    """Runs up to nproc forked tasks at a time and hands each result to a callback."""

    def __init__(self, nproc: int) -> None:
        self.nproc = nproc
        self._callbacks: Dict[int, Callable[[Any, Any], None]] = {}
        self._args: Dict[int, Any] = {}
        self._procs: Dict[int, Any] = {}
        self._running_pipes: Dict[int, Any] = {}
        self._waiting_pipes: Dict[int, Any] = {}
        self._working = 0
        self._next_id = 0

    def _run(self, pipe: Any, func: Callable[..., Any], arg: Any) -> None:
        try:
            result = func() if arg is None else func(arg)
            failed = False
        except BaseException as err:
            failed = True
            result = (repr(err), traceback.format_exc())
        pipe.send((failed, result))

    def add_task(self, func: Callable[..., Any], arg: Any = None,
                 callback: Optional[Callable[[Any, Any], None]] = None) -> None:
        tid = self._next_id
        self._next_id += 1
        self._callbacks[tid] = callback or (lambda a, r: None)
        self._args[tid] = arg
        receiver, sender = multiprocessing.Pipe(False)
        context: Any = multiprocessing.get_context("fork")
        self._procs[tid] = context.Process(target=self._run, args=(sender, func, arg))
        self._waiting_pipes[tid] = receiver
        self._join_one()  # LEAK

    def join(self) -> None:
        try:
            while self._working:
                if not self._join_one():
                    time.sleep(0.02)
        finally:
            self.terminate()

    def terminate(self) -> None:
        for tid in list(self._running_pipes):
            self._procs[tid].terminate()
            self._callbacks.pop(tid)
            self._procs.pop(tid)
            self._running_pipes.pop(tid)
            self._working -= 1

    def _join_one(self) -> bool:
        joined = False
        for tid, pipe in self._running_pipes.items():
            if pipe.poll():
                failed, result = pipe.recv()
                if failed:
                    raise ParallelBuildError(*result)
                self._callbacks.pop(tid)(self._args.pop(tid), result)
                self._procs[tid].join()
                self._running_pipes.pop(tid)
                self._working -= 1
                joined = True
                break
        while self._waiting_pipes and self._working < self.nproc:
            tid, pipe = self._waiting_pipes.popitem()
            self._running_pipes[tid] = pipe
            self._procs[tid].start()
            self._working += 1
        return joined


def build_all(docs: List[str], write: Callable[[str], str], nproc: int) -> Dict[str, str]:
    out: Dict[str, str] = {}
    tasks = ParallelTasks(nproc)
    for doc in docs:
        tasks.add_task(write, doc, lambda a, r: out.__setitem__(a, r))
    tasks.join()
    return out
