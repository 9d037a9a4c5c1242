from typing import Any


def send_ranged_get(http: Any, url: str, pos: int = 0) -> Any:
    headers = {}
    if pos:
        headers["Range"] = "bytes=%d-" % pos
    req = http.build_request("GET", url, headers=headers)
    return http.send(req, stream=True, follow_redirects=True)
