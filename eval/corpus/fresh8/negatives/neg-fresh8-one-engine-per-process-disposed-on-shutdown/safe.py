from __future__ import annotations

import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

ENGINE = create_engine(os.environ.get("DATABASE_URL", "sqlite://"), pool_recycle=300)
Session = sessionmaker(bind=ENGINE)


def count_rows(table: str) -> int:
    with Session() as session:
        return session.execute(f"SELECT count(*) FROM {table}").scalar_one()


def shutdown() -> None:
    ENGINE.dispose()
