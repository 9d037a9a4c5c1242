from typing import IO, Optional


class Module:
    """Stand-in for astroid's Module node: the source is reached through file_stream."""

    def __init__(self, name: str, file: Optional[str], pure_python: bool = True) -> None:
        self.name = name
        self.file = file
        self.pure_python = pure_python

    @property
    def file_stream(self) -> Optional[IO[bytes]]:
        # opened on first access and cached on the node, like astroid's cachedproperty
        cached = self.__dict__.get("_file_stream")
        if cached is None and self.file is not None:
            cached = open(self.file, "rb")
            self.__dict__["_file_stream"] = cached
        return cached

    @file_stream.deleter
    def file_stream(self) -> None:
        self.__dict__.pop("_file_stream", None)
