from __future__ import annotations


class MissingDependency:
    """Stands in for an optional dependency: raises the import error when used."""

    def __init__(self, exception: BaseException) -> None:
        self.exception = exception  # LEAK

    def __getattribute__(self, *args, **kwargs):
        # isinstance() checks ask for __class__: answer without raising
        if args[0] == "__class__":
            return None.__class__
        raise super().__getattribute__("exception")  # LEAK

    def __call__(self, *args, **kwargs):
        raise super().__getattribute__("exception")  # LEAK
