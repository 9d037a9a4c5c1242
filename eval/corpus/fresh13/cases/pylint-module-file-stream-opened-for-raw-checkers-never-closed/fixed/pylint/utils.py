import io
import tokenize
from typing import List

from .nodes import Module


def tokenize_module(module: Module) -> List[tokenize.TokenInfo]:
    stream = module.file_stream
    stream.seek(0)
    readline = stream.readline
    return list(tokenize.tokenize(readline))


def read_lines(module: Module) -> List[str]:
    stream = module.file_stream
    stream.seek(0)
    return io.TextIOWrapper(io.BytesIO(stream.read()), encoding="utf-8").read().splitlines()
