import os
from signal import SIG_IGN, SIGINT, signal
from typing import Any, Callable, List

from .channel import WorkerChannel, channels


def worker_process(function: Callable[..., Any], channel: WorkerChannel) -> None:
    signal(SIGINT, SIG_IGN)
    channel.initialize()
    try:
        while True:
            args = channel.recv()
            channel.send(function(*args))
    except EOFError:
        os._exit(0)
    except OSError as error:
        os._exit(error.errno or 1)


class WorkerManager:
    def __init__(self, function: Callable[..., Any], workers: int, mp_context) -> None:
        self.function = function
        self.workers = workers
        self.mp_context = mp_context
        self.pool_channel, self.workers_channel = channels(mp_context)
        self.processes: List[Any] = []

    def create_workers(self) -> None:
        for _ in range(self.workers - len(self.processes)):
            worker = self.mp_context.Process(target=worker_process, args=(self.function, self.workers_channel), daemon=True)
            worker.start()
            self.processes.append(worker)

    def close_channels(self) -> None:
        self.pool_channel.close()
        self.workers_channel.close()
