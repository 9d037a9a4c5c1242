import asyncio
import logging
from typing import Any, Callable, Dict, Iterator, Optional

import aiohttp


class HttpNotFoundError(Exception):
    pass


class StreamNotFoundError(Exception):
    pass


class Page:
    def __init__(self, body: Dict[str, Any]) -> None:
        self._body = body

    def iter_events_matching(self, predicate: Callable[[Dict[str, Any]], bool]) -> Iterator[Dict[str, Any]]:
        return (e for e in self._body.get("entries", []) if predicate(e))

    def get_link(self, relation: str) -> Optional[str]:
        for link in self._body.get("links", []):
            if link.get("relation") == relation:
                return link.get("uri")
        return None


class StreamFetcher:
    def __init__(self, loop: Optional[asyncio.AbstractEventLoop], timeout: float) -> None:
        self._loop = loop
        self._timeout = timeout
        self._log = logging.getLogger(__name__)
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout), raise_for_status=False)

    async def fetch(self, uri: str) -> Page:
        async with self.session.get(uri, headers={"Accept": "application/json"}) as resp:
            if resp.status == 404:
                raise HttpNotFoundError(uri)
            resp.raise_for_status()
            return Page(await resp.json())


class EventFinder:
    def __init__(self, fetcher: StreamFetcher, stream_name: str, instance_name: str, head_uri: str) -> None:
        self._fetcher = fetcher
        self._stream = stream_name
        self._head_uri = head_uri
        self._logger = logging.getLogger("eventpup.finder@%s/%s" % (instance_name, stream_name))

    async def find_backwards(self, predicate: Callable[[Dict[str, Any]], bool],
                             predicate_label: str = "predicate") -> Optional[Dict[str, Any]]:
        logger = self._logger.getChild(predicate_label)
        uri: Optional[str] = self._head_uri
        try:
            page = await self._fetcher.fetch(self._head_uri)
        except HttpNotFoundError as e:
            raise StreamNotFoundError() from e
        while True:
            evt = next(page.iter_events_matching(predicate), None)
            if evt is not None:
                return evt
            uri = page.get_link("next")
            if uri is None:
                logger.warning("No matching event found")
                return None
            page = await self._fetcher.fetch(uri)
