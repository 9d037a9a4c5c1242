import logging
import random
from socket import AF_INET, SOCK_DGRAM, socket

DEFAULT_HOST = "localhost"
DEFAULT_PORT = 8125
log = logging.getLogger(__name__)


class MetricsClient(object):
    def __init__(self, host=None, port=None, prefix=None, sample_rate=None):
        self._address = (host or DEFAULT_HOST, port or DEFAULT_PORT)
        self._sample_rate = sample_rate
        self._sock = socket(AF_INET, SOCK_DGRAM)
        self._prefix = prefix.encode("utf8") if prefix and not isinstance(prefix, bytes) else prefix

    def __del__(self):
        self._sock.close()

    def incr(self, bucket, amount=1):
        self._emit(bucket, str(amount).encode("utf8") + b"|c")

    def timing(self, bucket, ms):
        self._emit(bucket, str(ms).encode("utf8") + b"|ms")

    def _emit(self, bucket, value):
        try:
            if self._sample_rate and 0 < self._sample_rate < 1.0:
                if random.random() > self._sample_rate:
                    return
                value += b"|@" + str(self._sample_rate).encode("utf8")
            line = bucket + b":" + value
            if self._prefix:
                line = self._prefix + b"." + line
            self._sock.sendto(line, self._address)
        except Exception:
            log.error("could not send metric", exc_info=True)
