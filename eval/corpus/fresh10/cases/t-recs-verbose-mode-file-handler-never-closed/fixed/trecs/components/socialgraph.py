from __future__ import annotations

from typing import Dict, Set

from trecs.logging import VerboseMode


class BinarySocialGraph(VerboseMode):
    def __init__(self, verbose: bool = False) -> None:
        VerboseMode.__init__(self, __name__.upper(), verbose)
        self.followers: Dict[int, Set[int]] = {}

    def follow(self, user: int, by_user: int) -> None:
        self.followers.setdefault(user, set()).add(by_user)
        self.log("user %d follows user %d" % (by_user, user))
