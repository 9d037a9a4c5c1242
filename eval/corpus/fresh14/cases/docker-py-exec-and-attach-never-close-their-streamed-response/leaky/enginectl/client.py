import json
import urllib.parse
from typing import Any, Dict

import requests

from .container import ContainerApiMixin
from .exec_api import ExecApiMixin
from .streams import frames, join_output


class APIError(Exception):
    pass


class APIClient(requests.Session, ContainerApiMixin, ExecApiMixin):
    def __init__(self, base_url: str, version: str = "1.41", timeout: float = 60) -> None:
        super().__init__()
        self.base_url = base_url
        self._version = version
        self.timeout = timeout

    def _url(self, pathfmt: str, *args: str) -> str:
        quoted = [urllib.parse.quote(a, safe="/:") for a in args]
        return "{}/v{}{}".format(self.base_url, self._version, pathfmt.format(*quoted))

    def _post(self, url: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        return self.post(url, **kwargs)

    def _post_json(self, url: str, data: Dict[str, Any], **kwargs: Any) -> requests.Response:
        body = {k: v for k, v in data.items() if v is not None}
        kwargs.setdefault("headers", {})["Content-Type"] = "application/json"
        return self._post(url, data=json.dumps(body), **kwargs)

    def _raise_for_status(self, response: requests.Response) -> None:
        try:
            response.raise_for_status()
        except requests.exceptions.HTTPError as e:
            raise APIError(str(e)) from e

    def _result(self, response: requests.Response, json: bool = False) -> Any:
        self._raise_for_status(response)
        return response.json() if json else response.text

    def _is_tty(self, container: str) -> bool:
        info = self._result(self.get(self._url("/containers/{0}/json", container)), json=True)
        return bool(info["Config"]["Tty"])

    def _raw_socket(self, response: requests.Response) -> Any:
        self._raise_for_status(response)
        sock = response.raw._fp.fp.raw
        try:
            # keep the response alive as long as the socket is used
            sock._response = response
        except AttributeError:
            pass
        return sock

    def _read_from_socket(self, response: requests.Response, stream: bool,
                          tty: bool = True, demux: bool = False) -> Any:
        sock = self._raw_socket(response)
        gen = frames(sock, tty)
        if demux:
            chunks = ((data, None) if sid == 1 else (None, data) for sid, data in gen)
        else:
            chunks = (data for _, data in gen)
        if stream:
            return chunks
        return join_output(chunks, demux=demux)
