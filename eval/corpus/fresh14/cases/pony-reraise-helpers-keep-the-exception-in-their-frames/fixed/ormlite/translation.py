import sys
from typing import Any, Callable, Optional

from .utils import reraise


def node_source(node: Any) -> str:
    return getattr(node, "source", repr(node))


class SQLTranslator:
    def __init__(self, tree: Any) -> None:
        self.tree = tree
        self.monads: list = []

    def call(self, method: Callable[[Any], Optional[Any]], node: Any) -> None:
        try:
            monad = method(node)
        except Exception:
            exc_class, exc, tb = sys.exc_info()
            try:
                if not exc.args:
                    exc.args = (node_source(node),)
                else:
                    msg = exc.args[0]
                    if isinstance(msg, str) and "{EXPR}" in msg:
                        exc.args = (msg.replace("{EXPR}", node_source(node)),) + exc.args[1:]
                reraise(exc_class, exc, tb)
            finally:
                del exc, tb
        else:
            if monad is not None:
                node.monad = monad
                self.monads.append(monad)
