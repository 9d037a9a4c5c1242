from __future__ import annotations


def first_line(path: str) -> str:
    handle = open(path, encoding="utf-8")
    try:
        return handle.readline().rstrip("\n")
    finally:
        handle.close()
