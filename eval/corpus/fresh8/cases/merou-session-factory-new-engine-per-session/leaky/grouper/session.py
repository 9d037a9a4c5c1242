from __future__ import annotations

import logging

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import sessionmaker


class InvalidSettingsError(Exception):
    pass


def get_db_engine(url: str) -> Engine:
    try:
        engine = create_engine(url, pool_recycle=300)  # LEAK
    except (ArgumentError, OperationalError):
        logging.exception("cannot create database engine")
        raise InvalidSettingsError("invalid database settings")
    return engine


Session = sessionmaker()
