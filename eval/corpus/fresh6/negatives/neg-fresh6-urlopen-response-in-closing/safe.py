from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from contextlib import closing

log = logging.getLogger(__name__)


def fetch_url(url: str):
    try:
        with closing(urllib.request.urlopen(url, timeout=10)) as response:
            return json.load(response)
    except urllib.error.URLError as error:
        log.error("error connecting to %s - %r", url, error)
        return None
