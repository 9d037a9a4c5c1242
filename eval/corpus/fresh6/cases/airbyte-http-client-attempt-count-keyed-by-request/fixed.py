from __future__ import annotations

import logging
from enum import Enum
from typing import Any, Dict, Mapping, Optional

import requests


class ResponseAction(Enum):
    SUCCESS = "success"
    RETRY = "retry"
    FAIL = "fail"
    IGNORE = "ignore"
    RATE_LIMITED = "rate_limited"


class DefaultTransientError(Exception):
    pass


class HttpClient:
    _DEFAULT_MAX_RETRY = 5
    _ACTIONS_TO_RETRY_ON = {ResponseAction.RETRY, ResponseAction.RATE_LIMITED}

    def __init__(self, name: str, session: Optional[requests.Session] = None) -> None:
        self._name = name
        self._logger = logging.getLogger("airbyte")
        self._session = session or requests.Session()
        self._request_attempt_count: Dict[requests.PreparedRequest, int] = {}

    def send_request(self, request: requests.PreparedRequest, request_kwargs: Mapping[str, Any]) -> requests.Response:
        for _ in range(self._DEFAULT_MAX_RETRY + 1):
            try:
                return self._send(request, request_kwargs)
            except DefaultTransientError:
                continue
        raise DefaultTransientError(request.url)

    def _interpret(self, response: Optional[requests.Response]) -> ResponseAction:
        if response is None or response.status_code >= 500:
            return ResponseAction.RETRY
        if response.status_code == 429:
            return ResponseAction.RATE_LIMITED
        if response.status_code >= 400:
            return ResponseAction.FAIL
        return ResponseAction.SUCCESS

    def _send(self, request: requests.PreparedRequest, request_kwargs: Mapping[str, Any]) -> requests.Response:
        if request not in self._request_attempt_count:
            self._request_attempt_count[request] = 1
        else:
            self._request_attempt_count[request] += 1
        response: Optional[requests.Response] = None
        try:
            response = self._session.send(request, **request_kwargs)
        except requests.RequestException:
            pass
        action = self._interpret(response)
        self._handle_error_resolution(response, request, action)
        return response

    def _evict_key(self, prepared_request: requests.PreparedRequest) -> None:
        """Forget a request's attempt count once no further retry will happen."""
        if prepared_request in self._request_attempt_count:
            del self._request_attempt_count[prepared_request]

    def _handle_error_resolution(self, response, request: requests.PreparedRequest, action: ResponseAction) -> None:
        if action not in self._ACTIONS_TO_RETRY_ON:
            self._evict_key(request)
        if action in (ResponseAction.RETRY, ResponseAction.RATE_LIMITED):
            self._logger.info("retrying %s, attempt %d", request.url, self._request_attempt_count[request])
            raise DefaultTransientError(request.url)
        if action == ResponseAction.FAIL:
            raise RuntimeError("request to %s failed" % request.url)
