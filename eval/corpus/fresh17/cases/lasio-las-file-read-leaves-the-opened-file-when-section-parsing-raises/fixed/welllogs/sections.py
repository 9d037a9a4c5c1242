import io
import os
import re
from typing import Dict, List, Tuple, Union

SECTION_START = re.compile(r"^~(\w)")


def open_log(source: Union[str, io.IOBase], encoding: str = "utf-8") -> Tuple[io.IOBase, str]:
    if isinstance(source, io.IOBase):
        return source, encoding
    if os.path.exists(source):
        return open(source, "r", encoding=encoding), encoding
    return io.StringIO(source), encoding


def substitutions(policy: str) -> Dict[str, str]:
    if policy not in ("default", "strict", "none"):
        raise ValueError("unknown read policy %r" % policy)
    return {} if policy == "none" else {"\t": " "}


def read_sections(handle: io.IOBase, subs: Dict[str, str]) -> Dict[str, List[str]]:
    found: Dict[str, List[str]] = {}
    current = None
    for number, line in enumerate(handle):
        for old, new in subs.items():
            line = line.replace(old, new)
        match = SECTION_START.match(line)
        if match:
            current = match.group(1).upper()
            found[current] = []
        elif current is None and line.strip() and not line.startswith("#"):
            raise ValueError("line %d comes before any ~ section" % (number + 1))
        elif current is not None:
            found[current].append(line.rstrip("\n"))
    return found
