from __future__ import annotations

from typing import Callable, List, Optional, Set


def concat_tb(head, tail):
    return tail if head is None else head


class MultiError(BaseException):
    def __init__(self, exceptions: List[BaseException]) -> None:
        super().__init__("multiple errors", exceptions)
        self.exceptions = exceptions

    @classmethod
    def filter(cls, handler: Callable[[BaseException], Optional[BaseException]],
               root_exc: BaseException) -> Optional[BaseException]:
        return _filter_impl(handler, root_exc)


def _filter_impl(handler: Callable[[BaseException], Optional[BaseException]],
                 root_exc: BaseException) -> Optional[BaseException]:
    # filters a subtree, ignoring tracebacks, keeping a record of the MultiErrors preserved unchanged
    def filter_tree(exc: BaseException, preserved: Set[int]) -> Optional[BaseException]:  # LEAK
        if isinstance(exc, MultiError):
            new_exceptions = []
            changed = False
            for child_exc in exc.exceptions:
                new_child_exc = filter_tree(child_exc, preserved)
                if new_child_exc is not child_exc:
                    changed = True
                if new_child_exc is not None:
                    new_exceptions.append(new_child_exc)
            if not new_exceptions:
                return None
            elif changed:
                return MultiError(new_exceptions)
            else:
                preserved.add(id(exc))
                return exc
        else:
            new_exc = handler(exc)
            if new_exc is not None and new_exc is not exc:
                new_exc.__context__ = exc
            return new_exc

    def push_tb_down(tb, exc: BaseException, preserved: Set[int]) -> None:  # LEAK
        if id(exc) in preserved:
            return
        new_tb = concat_tb(tb, exc.__traceback__)
        if isinstance(exc, MultiError):
            for child_exc in exc.exceptions:
                push_tb_down(new_tb, child_exc, preserved)
            exc.__traceback__ = None
        else:
            exc.__traceback__ = new_tb

    preserved: Set[int] = set()
    new_root_exc = filter_tree(root_exc, preserved)
    push_tb_down(None, root_exc, preserved)
    return new_root_exc
