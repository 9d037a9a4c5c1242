from __future__ import annotations

from typing import IO, Dict, Tuple, Union

ServerEndpoint = "http://localhost:9998"


def callServer(verb: str, serverEndpoint: str, service: str, data: Union[bytes, IO[bytes]],
               headers: Dict[str, str]) -> Tuple[int, str]:
    body = data if isinstance(data, bytes) else data.read()
    return 200, f"{verb} {serverEndpoint}{service} ({len(body)} bytes)"


def parse1(option: str, path: str, serverEndpoint: str = ServerEndpoint) -> Tuple[int, str]:
    service = "/rmeta/text" if option == "all" else "/tika"
    headers = {"Accept": "application/json"}
    return callServer("put", serverEndpoint, service, open(path, "rb"), headers)  # LEAK
