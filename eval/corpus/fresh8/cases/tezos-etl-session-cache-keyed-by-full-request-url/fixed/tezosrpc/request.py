from __future__ import annotations

import hashlib

import requests

_sessions: dict = {}


def _session_for(endpoint_uri: str) -> requests.Session:
    key = hashlib.md5(endpoint_uri.encode("utf-8")).hexdigest()
    if key not in _sessions:
        _sessions[key] = requests.Session()
    return _sessions[key]


def post_json(endpoint_uri: str, data, *args, **kwargs) -> bytes:
    kwargs.setdefault("timeout", 10)
    response = _session_for(endpoint_uri).post(endpoint_uri, data=data, *args, **kwargs)
    response.raise_for_status()
    return response.content


def get_raw(url: str, path: str, *args, **kwargs) -> bytes:
    kwargs.setdefault("timeout", 10)
    response = _session_for(url).get(url + path, *args, **kwargs)
    response.raise_for_status()
    return response.content
