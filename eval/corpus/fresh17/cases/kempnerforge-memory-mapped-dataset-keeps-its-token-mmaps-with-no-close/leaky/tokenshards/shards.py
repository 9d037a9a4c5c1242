from pathlib import Path
from typing import Any, List

import numpy as np


def list_shards(root: str, suffix: str) -> List[Path]:
    found = sorted(Path(root).glob("*" + suffix))
    if not found:
        raise FileNotFoundError("no %s shards under %s" % (suffix, root))
    return found


def map_shard(path: Path, raw: bool) -> Any:
    if raw:
        size = path.stat().st_size
        dtype = np.uint32 if size % 4 == 0 else np.uint16
        return np.memmap(str(path), dtype=dtype, mode="r", shape=(size // np.dtype(dtype).itemsize,))
    return np.load(str(path), mmap_mode="r")
