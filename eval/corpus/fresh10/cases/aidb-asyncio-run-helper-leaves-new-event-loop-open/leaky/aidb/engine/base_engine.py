from aidb.utils.asyncio import asyncio_run
from aidb.utils.db import create_sql_engine, infer_dialect


class BaseEngine():
  def __init__(self, connection_uri: str, infer_config: bool = True, debug: bool = False):
    self._connection_uri = connection_uri
    self._debug = debug
    self._dialect = infer_dialect(connection_uri)
    self._sql_engine = create_sql_engine(connection_uri, debug)
    if infer_config:
      self._config = asyncio_run(self._infer_config())

  def __del__(self):
    asyncio_run(self._sql_engine.dispose())

  async def _infer_config(self):
    async with self._sql_engine.begin() as conn:
      return await conn.run_sync(lambda sync_conn: sync_conn.dialect.name)

  def execute(self, query_coroutine):
    return asyncio_run(query_coroutine)
