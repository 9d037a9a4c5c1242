from __future__ import annotations

import threading
from math import gcd as _gcd


def default_create_thread(callback):
    """Create and start a daemon thread running callback (used when the client brings no thread factory)."""
    thread = threading.Thread(None, callback)
    thread.daemon = True  # do not block interpreter exit
    thread.start()
    return thread


def calculate_heartbeats(shb, chb):
    (sx, sy) = shb
    (cx, cy) = chb
    x = max(cx, int(sy)) if cx != 0 and sy != "0" else 0
    y = max(cy, int(sx)) if cy != 0 and sx != "0" else 0
    return x, y


def gcd(a, b):
    return _gcd(int(a * 1000), int(b * 1000)) / 1000


class Frame:
    def __init__(self, cmd=None, headers=None, body=None):
        self.cmd = cmd
        self.headers = headers or {}
        self.body = body
