import itertools
from typing import Any, Dict, List, Optional


class MCPClient:
    def __init__(self, transport) -> None:
        self._transport = transport
        self._ids = itertools.count(1)
        self._closed = False
        self.server_info: Optional[Dict[str, Any]] = None

    def _send(self, method: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        if self._closed:
            raise RuntimeError("MCP client is closed")
        return self._transport.send({"id": next(self._ids), "method": method, "params": params or {}})

    def initialize(self) -> Dict[str, Any]:
        result = self._send("initialize", {"protocolVersion": "2025-03-26"})
        if "error" in result:
            raise RuntimeError(result["error"])
        self.server_info = result
        return result

    def list_tools(self) -> List[Dict[str, Any]]:
        return self._send("tools/list").get("tools", [])

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._transport.close()

    def __enter__(self) -> "MCPClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
