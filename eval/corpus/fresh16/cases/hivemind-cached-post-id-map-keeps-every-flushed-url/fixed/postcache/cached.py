import collections
from typing import Callable, Dict, List, Optional, Tuple

LEVELS = ("insert", "payout", "update", "upvote", "recount")


class CachedPost:
    _ids: Dict[str, int] = {}
    _queue: "collections.OrderedDict[str, int]" = collections.OrderedDict()

    @classmethod
    def dirty(cls, level: str, author: str, permlink: str, pid: Optional[int] = None) -> None:
        url = author + "/" + permlink
        mode = LEVELS.index(level)
        if url not in cls._queue or cls._queue[url] > mode:
            cls._queue[url] = mode
        if pid is not None and url not in cls._ids:
            cls._ids[url] = pid

    @classmethod
    def delete(cls, author: str, permlink: str) -> None:
        url = author + "/" + permlink
        if url in cls._queue:
            del cls._queue[url]
            if url in cls._ids:
                del cls._ids[url]

    @classmethod
    def flush(cls, write: Callable[[List[Tuple[str, int, int]]], None]) -> int:
        tuples = [(url, cls._ids.get(url, 0), mode) for url, mode in cls._queue.items()]
        write(tuples)
        for url, _, _ in tuples:
            del cls._queue[url]
            if url in cls._ids:
                del cls._ids[url]
        return len(tuples)
