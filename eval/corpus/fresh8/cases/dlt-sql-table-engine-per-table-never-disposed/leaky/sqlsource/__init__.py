from __future__ import annotations

from typing import Iterator, Optional, Union

from sqlalchemy import MetaData, Table
from sqlalchemy.engine import Engine

from .helpers import engine_from_credentials, table_rows


def sql_table(credentials: Union[Engine, str], table: str, schema: Optional[str] = None,
              chunk_size: int = 50000) -> Iterator[list]:
    """Stream the rows of one table, in chunks."""
    engine = engine_from_credentials(credentials)  # LEAK
    engine.execution_options(stream_results=True, max_row_buffer=2 * chunk_size)
    metadata = MetaData(schema=schema)
    table_obj = Table(table, metadata, autoload_with=engine)
    return table_rows(engine, table_obj, chunk_size)
