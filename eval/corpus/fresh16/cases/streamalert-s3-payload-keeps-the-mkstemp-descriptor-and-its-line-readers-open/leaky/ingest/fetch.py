import os
import tempfile
from typing import Any


def download_to_scratch(client: Any, bucket: str, key: str) -> str:
    suffix = ".gz" if key.endswith(".gz") else ""
    _, scratch = tempfile.mkstemp(suffix=suffix)  # LEAK
    client.download_file(bucket, key, scratch)
    if not os.path.getsize(scratch):
        raise ValueError("empty object: %s" % key)
    return scratch
