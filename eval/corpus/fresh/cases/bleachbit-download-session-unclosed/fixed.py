from __future__ import annotations

import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

logger = logging.getLogger(__name__)


def download_url_to_file(url: str, filename: str, max_retries: int = 2) -> bool:
    retries = Retry(total=max_retries, backoff_factor=0.5, status_forcelist=(408, 429, 500, 502, 503, 504))
    with requests.Session() as session:
        session.mount("http://", HTTPAdapter(max_retries=retries))
        try:
            response = session.get(url, timeout=30)
            content = response.content
        except requests.exceptions.RequestException:
            logger.exception("download failed: %s", url)
            return False
        if response.status_code != 200:
            logger.error("download failed with status %s: %s", response.status_code, url)
            return False
    with open(filename, "wb") as out:
        out.write(content)
    return True
