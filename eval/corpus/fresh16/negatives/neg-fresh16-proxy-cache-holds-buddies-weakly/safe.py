import weakref
from typing import List


class Buddy:
    def __init__(self, path: str) -> None:
        self.path = path
        self.activities: List[str] = []


class PresenceService:
    def __init__(self) -> None:
        self._proxies: "weakref.WeakValueDictionary[str, Buddy]" = weakref.WeakValueDictionary()

    def buddy(self, path: str) -> Buddy:
        proxy = self._proxies.get(path)
        if proxy is None:
            proxy = Buddy(path)
            self._proxies[path] = proxy
        return proxy

    def buddy_disappeared(self, path: str) -> None:
        self._proxies.pop(path, None)
