import json
import os
from typing import Any, Dict, Optional


class CloudRegion:
    """Configuration of one cloud region, with a token cache on disk."""

    def __init__(self, name: str, auth: Dict[str, Any], cache_dir: Optional[str] = None) -> None:
        self.name = name
        self.auth = dict(auth)
        self.cache_dir = cache_dir
        self._token: Optional[str] = None

    def get_session(self) -> Dict[str, Any]:
        return {"cloud": self.name, "auth": self.auth, "token": self._token}

    def set_auth_cache(self) -> None:
        if not self.cache_dir or self._token is None:
            return
        path = os.path.join(self.cache_dir, "%s.json" % self.name)
        with open(path, "w") as handle:
            json.dump({"token": self._token}, handle)
