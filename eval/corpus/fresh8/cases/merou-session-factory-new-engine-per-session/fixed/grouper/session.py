from __future__ import annotations

import logging
from threading import Lock
from typing import Dict

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import sessionmaker


class InvalidSettingsError(Exception):
    pass


def get_db_engine(url: str) -> Engine:
    try:
        engine = create_engine(url, pool_recycle=300)
    except (ArgumentError, OperationalError):
        logging.exception("cannot create database engine")
        raise InvalidSettingsError("invalid database settings")
    return engine


Session = sessionmaker()


class _DbEngineManager:
    """One engine per connection string, shared for the life of the application."""

    def __init__(self) -> None:
        self._engines: Dict[str, Engine] = {}
        self._lock = Lock()

    def get_db_engine(self, url: str) -> Engine:
        if url not in self._engines:
            with self._lock:
                if url not in self._engines:
                    self._engines[url] = get_db_engine(url)
        return self._engines[url]


_ENGINE_MANAGER = _DbEngineManager()


def DbEngineManager() -> _DbEngineManager:
    return _ENGINE_MANAGER
