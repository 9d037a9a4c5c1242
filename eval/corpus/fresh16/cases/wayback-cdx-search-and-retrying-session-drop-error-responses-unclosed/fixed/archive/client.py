from typing import Any, Dict, Iterator

import requests

from .session import RetryingSession, read_and_close

SEARCH_URL = "https://archive.example.org/cdx/search/cdx"


class ArchiveError(Exception):
    pass


class ArchiveClient:
    def __init__(self, session: RetryingSession) -> None:
        self.session = session

    def search(self, **query: Any) -> Iterator[str]:
        params: Dict[str, str] = {key: str(value) for key, value in query.items()}
        response = self.session.request("GET", SEARCH_URL, params=params)
        try:
            # read and close first, so raising for status leaves nothing open
            read_and_close(response)
            response.raise_for_status()
        except requests.exceptions.HTTPError as error:
            raise ArchiveError(str(error))
        lines = iter(response.content.splitlines())
        for line in lines:
            text = line.decode()
            if text:
                yield text

    def get_memento(self, url: str) -> requests.Response:
        response = self.session.request("GET", url, allow_redirects=False)
        if "Memento-Datetime" not in response.headers and not response.is_redirect:
            read_and_close(response)
            message = response.headers.get("X-Archive-Runtime-Error")
            raise ArchiveError("memento at %s could not be played: %s" % (url, message))
        return response
