import json
import urllib.request
from typing import Any, Dict, Optional


def fetch_user_info(token: str, provider: Dict[str, Any], timeout: float = 5.0) -> Optional[Dict[str, Any]]:
    endpoint = provider.get("userinfo_endpoint")
    if not endpoint:
        return None
    request = urllib.request.Request(endpoint, headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except OSError:
        return None
