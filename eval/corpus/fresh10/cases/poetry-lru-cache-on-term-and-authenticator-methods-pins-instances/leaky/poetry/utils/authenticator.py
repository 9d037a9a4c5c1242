from __future__ import annotations

import functools
import urllib.parse
from typing import Dict, Optional


class Authenticator:
    def __init__(self, repositories: Dict[str, str]) -> None:
        self._repositories = repositories

    @functools.lru_cache(maxsize=None)  # LEAK
    def get_repository_config_for_url(self, url: str, exact_match: bool = False) -> Optional[str]:
        parsed_url = urllib.parse.urlsplit(url)
        for name, repository_url in self._repositories.items():
            candidate = urllib.parse.urlsplit(repository_url)
            if exact_match and candidate.geturl() != parsed_url.geturl():
                continue
            if candidate.netloc == parsed_url.netloc and parsed_url.path.startswith(candidate.path):
                return name
        return None
