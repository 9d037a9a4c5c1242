import typing
from functools import lru_cache


class LookupMixIn:
    """Mixin to look up a name in the right scope."""

    @lru_cache(maxsize=None)  # pylint: disable=cache-max-size-none  # noqa
    def lookup(self, name: str) -> typing.Tuple[str, typing.List["NodeNG"]]:
        """Lookup where the given variable is assigned."""
        return self.scope().scope_lookup(self, name)


class NodeNG:
    def __init__(self, parent=None):
        self.parent = parent

    def scope(self):
        return self.parent.scope() if self.parent else self
