import os
from typing import Iterable


def rewrite_entries(path: str, entries: Iterable[bytes]) -> None:
    lock_path = path + "-c"
    with open(lock_path, "xb") as new_file:
        for entry in entries:
            new_file.write(entry)
        os.replace(lock_path, path)
