import time

from .udp import MetricsClient


def _as_bytes(name):
    return name if isinstance(name, bytes) else name.encode("utf8")


class Counter(object):
    def __init__(self, bucket, host=None, port=None, prefix=None):
        self._client = MetricsClient(host=host, port=port, prefix=prefix)
        self._bucket = _as_bytes(bucket)

    def __add__(self, amount):
        self._client.incr(self._bucket, amount)
        return self


class Stopwatch(object):
    def __init__(self, bucket, host=None, port=None, prefix=None):
        self._client = MetricsClient(host=host, port=port, prefix=prefix)
        self._bucket = _as_bytes(bucket)
        self._started = None

    def start(self):
        self._started = time.time()

    def stop(self):
        elapsed_ms = int((time.time() - self._started) * 1000)
        self._client.timing(self._bucket, elapsed_ms)
