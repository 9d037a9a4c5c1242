import functools
from typing import Dict, Set

from .ordering import natural_compare


class Reducer:
    def __init__(self, groups: Dict[str, str], known: Set[str], drop_unknown: bool = False) -> None:
        self.groups = groups
        self.known = known
        self.drop_unknown = drop_unknown

    @functools.lru_cache(maxsize=1000)
    def reduce(self, name: str, level: str) -> str:
        if name.startswith("GENE-"):
            inner = self.reduce(name[len("GENE-"):], level)
            return "GENE-" + inner if inner else inner
        if name.endswith(("P", "G")):
            name = name[:-1]
        if level == "group" and name in self.groups:
            return self.groups[name]
        if level == "two":
            return ":".join(name.split(":")[:2])
        if self.drop_unknown and name not in self.known:
            return ""
        return name

    @functools.lru_cache(maxsize=1000)
    def reduce_list(self, text: str, level: str) -> str:
        if "/" in text:
            parts = {self.reduce_list(p, level) for p in text.split("/")}
            return "/".join(sorted(parts, key=functools.cmp_to_key(natural_compare)))
        return self.reduce(text, level)
