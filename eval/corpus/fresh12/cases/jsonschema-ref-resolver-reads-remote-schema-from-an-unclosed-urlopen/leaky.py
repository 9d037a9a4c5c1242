import json
from urllib.parse import urlsplit
from urllib.request import urlopen


class RefResolver(object):
    def __init__(self, base_uri: str, referrer, store=(), cache_remote: bool = True, handlers=()) -> None:
        self.base_uri = base_uri
        self.referrer = referrer
        self.cache_remote = cache_remote
        self.handlers = dict(handlers)
        self.store = dict(store)

    def resolve_remote(self, uri: str):
        try:
            import requests
        except ImportError:
            requests = None

        scheme = urlsplit(uri).scheme
        if scheme in self.handlers:
            result = self.handlers[scheme](uri)
        elif scheme in ["http", "https"] and requests:
            result = requests.get(uri).json()
        else:
            # Otherwise, pass off to urllib and assume utf-8
            result = json.loads(urlopen(uri).read().decode("utf-8"))  # LEAK

        if self.cache_remote:
            self.store[uri] = result
        return result
