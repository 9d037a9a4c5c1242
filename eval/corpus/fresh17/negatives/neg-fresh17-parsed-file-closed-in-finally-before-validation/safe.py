import os
from typing import Callable, Dict, List


def read_sections(path: str, parse: Callable[[object], Dict[str, List[str]]]) -> Dict[str, List[str]]:
    handle = open(path, encoding="utf-8")
    try:
        sections = parse(handle)
    finally:
        handle.close()
    if not sections:
        raise KeyError("no sections in %s" % path)
    return sections


def edit_in_place(path: str, transform: Callable[[str], str]) -> None:
    os.rename(path, path + "~")
    with open(path + "~") as source, open(path, "w") as sink:
        for line in source:
            sink.write(transform(line))
