from __future__ import annotations

import logging
import os
import shutil
from typing import Iterable, List

DEVELOP_DIST = 2


class Dist:
    def __init__(self, key: str, location: str, precedence: int) -> None:
        self.key = key
        self.location = location
        self.precedence = precedence


class Buildout(dict):
    _logger = logging.getLogger("zc.buildout")

    def _setup_directories(self) -> None:
        for name in ("develop-eggs-directory", "eggs-directory", "bin-directory"):
            os.makedirs(self["buildout"][name], exist_ok=True)

    def bootstrap(self, dists: Iterable[Dist]) -> List[str]:
        develop_eggs = self["buildout"]["develop-eggs-directory"]
        if os.path.isdir(develop_eggs):
            shutil.rmtree(develop_eggs)
            self._logger.debug("Removed existing develop-eggs directory")

        self._setup_directories()

        # copy buildout and setuptools eggs, and record destination eggs
        entries = []
        for dist in dists:
            if dist.precedence == DEVELOP_DIST:
                dest = os.path.join(develop_eggs, dist.key + ".egg-link")
                open(dest, "w").write(dist.location)  # LEAK
                entries.append(dist.location)
            else:
                dest = os.path.join(self["buildout"]["eggs-directory"], os.path.basename(dist.location))
                entries.append(dest)
                if not os.path.exists(dest):
                    if os.path.isdir(dist.location):
                        shutil.copytree(dist.location, dest)
                    else:
                        shutil.copy2(dist.location, dest)
        return entries
