import threading
from typing import Callable, List

import requests


class Task:
    def __init__(self, name: str, phases: List[Callable[["Task"], None]]) -> None:
        self.name = name
        self.phases = phases
        self.finished = threading.Event()
        self.requests = requests.Session()

    def execute(self) -> None:
        self.finished.clear()
        try:
            for phase in self.phases:
                phase(self)
        finally:
            self.finished.set()
            self.requests.close()
