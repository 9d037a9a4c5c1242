from __future__ import annotations

import contextlib


def merge(paths: list, target: str) -> None:
    with contextlib.ExitStack() as stack:
        handles = [stack.enter_context(open(path, encoding="utf-8")) for path in paths]
        with open(target, "w", encoding="utf-8") as out:
            for handle in handles:
                out.write(handle.read())
