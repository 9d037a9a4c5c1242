from __future__ import annotations

from .memory import memory


class ExplorerUI:
    """Built once per browser session; shows the current SQL and table of the shared memory."""

    def __init__(self) -> None:
        self._sql_view = ""
        self._table_view = None
        memory.on_change("sql", self._update_sql)  # LEAK
        memory.on_change("table", self._update_table)  # LEAK
        self._table_rx = memory.rx("table")

    def _update_sql(self, key, old, new) -> None:
        self._sql_view = new

    def _update_table(self, key, old, new) -> None:
        self._table_view = new
