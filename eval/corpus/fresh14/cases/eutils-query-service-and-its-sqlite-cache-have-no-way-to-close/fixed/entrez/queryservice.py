import hashlib
import logging
import os
import time
from pathlib import Path
from typing import Any, Dict, Optional, Union

import requests

from .sqlitecache import SQLiteCache

_logger = logging.getLogger(__name__)

URL_BASE = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
default_cache_path = Path("~/.cache/entrez-cache.db").expanduser()


class QueryService:
    def __init__(self, email: str, cache: Union[bool, str] = False, api_key: Optional[str] = None) -> None:
        self.email = email
        self.api_key = api_key or os.environ.get("NCBI_API_KEY")
        self.request_interval = 1.0 / (10 if self.api_key else 3)
        self._last_request_clock = 0.0
        if cache is True:
            cache_path: Union[bool, str] = str(default_cache_path)
        else:
            cache_path = cache
        self._cache = SQLiteCache(str(cache_path)) if cache_path else None

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()

    def __del__(self) -> None:
        self.close()

    def efetch(self, args: Dict[str, Any]) -> bytes:
        return self._query("/efetch.fcgi", args)

    def _query(self, path: str, args: Dict[str, Any]) -> bytes:
        url = URL_BASE + path
        cache_key = hashlib.md5((url + repr(sorted(args.items()))).encode()).hexdigest()
        if self._cache is not None:
            try:
                return self._cache[cache_key]
            except KeyError:
                pass
        wait = self._last_request_clock + self.request_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        r = requests.post(url, data=dict(args, email=self.email))
        self._last_request_clock = time.monotonic()
        r.raise_for_status()
        if self._cache is not None:
            self._cache[cache_key] = r.content
        return r.content
