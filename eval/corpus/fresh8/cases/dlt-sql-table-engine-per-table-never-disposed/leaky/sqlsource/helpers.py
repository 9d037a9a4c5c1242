from __future__ import annotations

from typing import Any, Iterator, Union

from sqlalchemy import Table, create_engine, select
from sqlalchemy.engine import Engine


class RowLoader:
    def __init__(self, engine: Engine, table: Table, chunk_size: int) -> None:
        self.engine = engine
        self.table = table
        self.chunk_size = chunk_size

    def load_rows(self) -> Iterator[list]:
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=self.chunk_size).execute(select(self.table))
            for partition in result.partitions(self.chunk_size):
                yield [dict(row._mapping) for row in partition]


def table_rows(engine: Engine, table: Table, chunk_size: int) -> Iterator[list]:
    loader = RowLoader(engine, table, chunk_size)
    yield from loader.load_rows()


def engine_from_credentials(credentials: Union[Engine, str], **engine_kwargs: Any) -> Engine:
    if isinstance(credentials, Engine):
        return credentials
    return create_engine(credentials, **engine_kwargs)  # LEAK
