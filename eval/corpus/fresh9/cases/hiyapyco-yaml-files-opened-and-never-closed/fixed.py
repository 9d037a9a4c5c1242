from __future__ import annotations

import io
import logging
import os

import yaml

logger = logging.getLogger("hiyapyco")


class HiYaPyCoInvocationException(Exception):
    pass


class HiYaPyCo:
    def __init__(self, *files, encoding: str = "utf-8", failonmissingfiles: bool = True) -> None:
        self.encoding = encoding
        self.failonmissingfiles = failonmissingfiles
        self.loglevelonmissingfiles = logging.ERROR
        self._data = None
        self._files = list(files)

        for yamlfile in self._files[:]:
            logger.debug("yamlfile: %s ..." % yamlfile)
            if "\n" in yamlfile:
                self._load_data(yamlfile)
            else:
                fn = yamlfile if os.path.isabs(yamlfile) else os.path.join(os.getcwd(), yamlfile)
                try:
                    with io.open(fn, "r", encoding=self.encoding) as f:
                        logger.debug("open4reading: file %s" % f)
                        self._load_data(f)
                except IOError as e:
                    logger.log(self.loglevelonmissingfiles, e)
                    if self.failonmissingfiles:
                        raise HiYaPyCoInvocationException("yaml file not found: %r" % yamlfile)
                    self._files.remove(yamlfile)
                    continue

    def _load_data(self, f) -> None:
        for ydata in yaml.safe_load_all(f):
            self._merge(ydata)

    def _merge(self, ydata) -> None:
        if self._data is None:
            self._data = ydata
        elif isinstance(self._data, dict) and isinstance(ydata, dict):
            self._data.update(ydata)
        else:
            self._data = ydata
