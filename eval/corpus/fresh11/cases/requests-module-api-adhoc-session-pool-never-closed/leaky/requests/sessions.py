PREFETCH = False

from .models import Request
from .packages.urllib3.poolmanager import PoolManager


class Session(object):
    """A Requests session."""

    def __init__(self, headers=None, config=None, prefetch=PREFETCH, verify=True):
        self.headers = headers or {}
        self.config = config or {}
        self.prefetch = prefetch
        self.verify = verify
        self.init_poolmanager()

    def init_poolmanager(self):
        self.poolmanager = PoolManager(num_pools=self.config.get('pool_connections', 10),
                                       maxsize=self.config.get('pool_maxsize', 10))

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass

    def request(self, method, url, params=None, data=None, headers=None, prefetch=None, **kwargs):
        req = Request(method=method.upper(), url=url, params=params, data=data,
                      headers=dict(self.headers, **(headers or {})), config=self.config,
                      _poolmanager=self.poolmanager, verify=self.verify)
        req.send(prefetch=prefetch if prefetch is not None else self.prefetch)
        return req.response


def session(**kwargs):
    """Returns a :class:`Session` for context-management."""
    return Session(**kwargs)
