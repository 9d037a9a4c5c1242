import asyncio
from typing import Any, Callable, Dict, Optional

from .core import EventFinder as _EventFinder
from .core import StreamFetcher, StreamNotFoundError

__all__ = ["EventFinder", "StreamNotFoundError"]


class EventFinder:
    def __init__(self, config: Dict[str, Any], loop: Optional[asyncio.AbstractEventLoop] = None) -> None:
        self._config = config
        self._loop = loop

    async def find_backwards(self, stream: str, predicate: Callable[[Dict[str, Any]], bool],
                             predicate_label: str = "predicate") -> Optional[Dict[str, Any]]:
        instance_name = "%s find_backwards %s" % (self._config["instance_name"], stream)
        fetcher = StreamFetcher(loop=self._loop, timeout=self._config.get("timeout", 20))
        head_uri = "http://%s:%s/streams/%s/head/backward/%s" % (
            self._config["host"], self._config["port"], stream, self._config.get("page_size", 20))
        finder = _EventFinder(fetcher=fetcher, stream_name=stream, instance_name=instance_name, head_uri=head_uri)
        return await finder.find_backwards(predicate, predicate_label)
