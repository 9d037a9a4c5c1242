import time
from pathlib import Path
from typing import Dict, Optional, Tuple


class DirSizeCache:
    """Per-path TTL cache for dir_size_gb, so repeated polls do not walk the tree again."""

    def __init__(self, ttl: float = 60.0) -> None:
        self._ttl = ttl
        self._store: Dict[str, Tuple[float, float]] = {}  # LEAK

    def get(self, path: Path) -> Optional[float]:
        key = str(path.resolve())
        entry = self._store.get(key)
        if entry is None:
            return None
        expires_at, value = entry
        if time.monotonic() > expires_at:
            del self._store[key]
            return None
        return value

    def set(self, path: Path, value: float) -> None:
        self._store[str(path.resolve())] = (time.monotonic() + self._ttl, value)  # LEAK

    def invalidate(self, path: Path) -> None:
        self._store.pop(str(path.resolve()), None)

    def clear(self) -> None:
        self._store.clear()


_dir_size_cache = DirSizeCache()


def dir_size_gb(path: Path) -> float:
    cached = _dir_size_cache.get(path)
    if cached is not None:
        return cached
    if not path.exists():
        _dir_size_cache.set(path, 0.0)
        return 0.0
    total = 0
    try:
        for entry in path.rglob("*"):
            try:
                if not entry.is_symlink() and entry.is_file():
                    total += entry.stat().st_size
            except OSError:
                pass
    except OSError:
        pass
    result = round(total / (1024 ** 3), 2)
    _dir_size_cache.set(path, result)
    return result
