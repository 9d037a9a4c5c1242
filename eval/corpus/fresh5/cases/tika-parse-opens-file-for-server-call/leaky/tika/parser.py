from __future__ import annotations

from typing import Dict

from .tika import ServerEndpoint, parse1


def from_file(filename: str, serverEndpoint: str = ServerEndpoint) -> Dict[str, object]:
    status, content = parse1("all", filename, serverEndpoint)
    return {"status": status, "content": content}
