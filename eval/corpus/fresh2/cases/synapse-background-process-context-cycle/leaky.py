from __future__ import annotations

import logging
import resource
from typing import Any, Optional

logger = logging.getLogger(__name__)

_background_processes_active_since_last_scrape: set["_BackgroundProcess"] = set()


class LoggingContext:
    def __init__(self, name: str) -> None:
        self.name = name
        self.usage_start: Optional[Any] = None
        self.ru_utime = 0.0

    def start(self, rusage: Any) -> None:
        self.usage_start = rusage

    def __enter__(self) -> "LoggingContext":
        self.start(resource.getrusage(resource.RUSAGE_THREAD))
        return self

    def __exit__(self, *exc: Any) -> None:
        end = resource.getrusage(resource.RUSAGE_THREAD)
        if self.usage_start is not None:
            self.ru_utime += end.ru_utime - self.usage_start.ru_utime


class _BackgroundProcess:
    def __init__(self, desc: str, ctx: LoggingContext) -> None:
        self.desc = desc
        self._context = ctx  # LEAK
        self._reported_stats: Optional[float] = None

    def update_metrics(self) -> None:
        self._reported_stats = self._context.ru_utime


class BackgroundProcessLoggingContext(LoggingContext):
    def __init__(self, name: str, instance_id: Optional[int] = None) -> None:
        super().__init__(f"{name}-{instance_id}")
        self._proc = _BackgroundProcess(name, self)  # LEAK

    def start(self, rusage: Any) -> None:
        super().start(rusage)
        _background_processes_active_since_last_scrape.add(self._proc)

    def __exit__(self, *exc: Any) -> None:
        super().__exit__(*exc)
        self._proc.update_metrics()


def run_as_background_process(desc: str, func: Any, *args: Any) -> Any:
    with BackgroundProcessLoggingContext(desc) as context:
        return func(context, *args)
