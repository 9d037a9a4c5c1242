from __future__ import annotations

import logging

import requests
import requests.adapters

from datadog.api.exceptions import ClientError, HTTPError, HttpTimeout

log = logging.getLogger("datadog.api")


def _remove_context(exc: Exception) -> Exception:
    """Drop the chained context so API keys do not end up in tracebacks."""
    exc.__cause__ = None
    return exc


class HTTPClient(object):
    @classmethod
    def request(cls, method, url, headers, params, data, timeout, proxies, verify, max_retries):
        raise NotImplementedError("Must be implemented by HTTPClient subclasses.")


class RequestClient(HTTPClient):
    @classmethod
    def request(cls, method, url, headers, params, data, timeout, proxies, verify, max_retries):
        # a session to set a max_retries parameter
        s = requests.Session()  # LEAK
        http_adapter = requests.adapters.HTTPAdapter(max_retries=max_retries)
        s.mount("https://", http_adapter)

        try:
            result = s.request(method, url, headers=headers, params=params, data=data,
                               timeout=timeout, proxies=proxies, verify=verify)
            result.raise_for_status()
        except requests.ConnectionError as e:
            raise _remove_context(ClientError(method, url, e))
        except requests.exceptions.Timeout:
            raise _remove_context(HttpTimeout(method, url, timeout))
        except requests.exceptions.HTTPError as e:
            if e.response.status_code in (400, 403, 404, 409):
                # turned into an ApiError by the caller
                pass
            else:
                raise _remove_context(HTTPError(e.response.status_code, result.reason))

        return result
