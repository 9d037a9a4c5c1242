from __future__ import annotations


class MissingDependency:
    """Stands in for an optional dependency: raises the import error when used."""

    def __init__(self, exception: BaseException) -> None:
        # keep only what rebuilds the error, not its traceback and the frames it holds
        self.exception = (type(exception), exception.args)

    def __getattribute__(self, *args, **kwargs):
        # isinstance() checks ask for __class__: answer without raising
        if args[0] == "__class__":
            return None.__class__
        exc_type, exc_args = super().__getattribute__("exception")
        raise exc_type(*exc_args)

    def __call__(self, *args, **kwargs):
        exc_type, exc_args = super().__getattribute__("exception")
        raise exc_type(*exc_args)
