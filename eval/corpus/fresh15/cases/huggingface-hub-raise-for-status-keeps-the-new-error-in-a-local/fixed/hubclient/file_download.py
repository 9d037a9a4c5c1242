from typing import Any, Optional

from ._http import hf_raise_for_status


def get_file_metadata(session: Any, url: str, token: Optional[str] = None) -> dict:
    headers = {"authorization": "Bearer %s" % token} if token else {}
    response = session.head(url, headers=headers, follow_redirects=False)
    hf_raise_for_status(response)
    return {"etag": response.headers.get("etag"), "size": int(response.headers.get("content-length", 0))}
