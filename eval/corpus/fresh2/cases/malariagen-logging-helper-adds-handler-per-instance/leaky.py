from __future__ import annotations

import logging
import sys
from typing import IO, Union


class LoggingHelper:
    def __init__(self, name: str, out: Union[str, IO[str], None] = sys.stdout, debug: bool = False) -> None:
        logger = logging.getLogger(name)
        logger.setLevel(logging.DEBUG if debug else logging.INFO)
        if out is not None:
            if isinstance(out, str):
                handler: logging.Handler = logging.FileHandler(out)  # LEAK
            else:
                handler = logging.StreamHandler(out)  # LEAK
            handler.setLevel(logging.DEBUG)
            handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
            logger.addHandler(handler)  # LEAK
        self._logger = logger

    def info(self, message: str) -> None:
        self._logger.info(message)


class AnophelesDataResource:
    def __init__(self, url: str, log: Union[str, IO[str], None] = sys.stdout, debug: bool = False) -> None:
        self._url = url
        self._log = LoggingHelper(name=__name__, out=log, debug=debug)


class Ag3(AnophelesDataResource):
    def __init__(self, url: str = "gs://vo_agam_release/", **kwargs) -> None:
        super().__init__(url, **kwargs)
