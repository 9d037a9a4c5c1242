from __future__ import annotations

import logging
import sys
import time


class Logger:
    """Wraps a named logging logger with timing helpers."""

    def __init__(self, namespace: str = "main", level: int | None = None) -> None:
        self.namespace = namespace
        self.logger = logging.getLogger(namespace)
        self.previous_timestamp = time.time()
        self.format = logging.Formatter("|-----%(message)s")
        self.logger_stream_handler = logging.StreamHandler(sys.stdout)
        self.logger_stream_handler.setFormatter(self.format)
        # the named logger outlives this wrapper: keep a single stream handler on it
        if self.logger.hasHandlers():
            self.logger.handlers.clear()
        self.logger.addHandler(self.logger_stream_handler)
        if level is not None:
            self.logger.setLevel(level)

    def info(self, message: str, indent_level: int = 1) -> None:
        self.logger.info("  " * indent_level + message)

    def finish_progress(self, progress_name: str) -> None:
        elapsed = time.time() - self.previous_timestamp
        self.info(f"[{progress_name}] finished [{elapsed:.4f}s]")


class LoggerManager:
    @staticmethod
    def gen_logger(namespace: str) -> Logger:
        return Logger(namespace)


def dynamics(adata: dict, mode: str = "deterministic") -> dict:
    main_logger = LoggerManager.gen_logger("dynamo-dynamics")
    main_logger.info(f"estimating {mode} velocity")
    adata["velocity"] = [0.0] * len(adata.get("genes", []))
    main_logger.finish_progress("dynamics")
    return adata
