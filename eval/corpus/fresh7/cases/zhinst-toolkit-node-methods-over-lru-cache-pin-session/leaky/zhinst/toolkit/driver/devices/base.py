from __future__ import annotations

import typing as t
from functools import lru_cache

from zhinst.toolkit.nodetree import Node, NodeTree


class BaseInstrument(Node):
    def __init__(self, serial: str, session) -> None:
        self._serial = serial
        self._session = session
        nodetree = NodeTree(self._session.daq_server, prefix_hide=self._serial)
        super().__init__(nodetree, tuple())

    @property
    def serial(self) -> str:
        return self._serial

    @lru_cache()  # LEAK
    def get_streamingnodes(self) -> t.List[Node]:
        streaming_nodes = []
        for node, info in self._root:
            if "Stream" in info.get("Properties", ""):
                streaming_nodes.append(node)
        return streaming_nodes
