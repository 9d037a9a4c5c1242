from __future__ import annotations

from importlib import import_module
from logging import getLogger
from os import path

logger = getLogger(__name__)


def load(fname: str, **kwargs) -> dict:
    if not path.exists(fname):
        msg = "File not found: %s"
        logger.error(msg, fname)
        raise FileNotFoundError(msg % fname)
    # the reading module is chosen by the file extension
    load_mod = import_module(f"pastas.io{path.splitext(fname)[1]}")
    data = load_mod.load(fname, **kwargs)
    if "file_info" not in data:
        raise ValueError("not a pastas file: %s" % fname)
    return data


def dump(fname: str, data: dict, **kwargs) -> None:
    ext = path.splitext(fname)[1]
    dump_mod = import_module("pastas.io" + ext)
    return dump_mod.dump(fname, data, **kwargs)
