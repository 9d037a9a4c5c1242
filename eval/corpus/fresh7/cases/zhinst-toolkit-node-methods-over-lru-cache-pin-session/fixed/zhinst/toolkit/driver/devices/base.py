from __future__ import annotations

import typing as t

from zhinst.toolkit.nodetree import Node, NodeTree


class BaseInstrument(Node):
    def __init__(self, serial: str, session) -> None:
        self._serial = serial
        self._session = session
        self._streaming_nodes: t.Optional[t.List[Node]] = None
        nodetree = NodeTree(self._session.daq_server, prefix_hide=self._serial)
        super().__init__(nodetree, tuple())

    @property
    def serial(self) -> str:
        return self._serial

    def get_streamingnodes(self) -> t.List[Node]:
        if self._streaming_nodes is None:
            self._streaming_nodes = []
            for node, info in self._root:
                if "Stream" in info.get("Properties", ""):
                    self._streaming_nodes.append(node)
        return self._streaming_nodes
