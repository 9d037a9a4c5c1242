from __future__ import annotations

from typing import Optional


def read_header_value(path: str, key: str) -> Optional[str]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return line.split(":", 1)[1].strip()
            if not line.strip():
                break
    return None
