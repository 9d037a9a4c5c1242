import gc
from typing import Any, Dict, Iterator, Optional, Set


class TrialTree:
    """A node of the context tree of trials: the innermost `with` trial is the default one."""

    _stack: list = []

    def __init__(self, trial: "Trial", name: Optional[str] = None) -> None:
        self.name = name
        self.sup: Optional["TrialTree"] = TrialTree._stack[-1] if TrialTree._stack else None
        self.trial = trial  # LEAK

    def __enter__(self) -> "TrialTree":
        TrialTree._stack.append(self)
        return self

    def __exit__(self, *exc: Any) -> None:
        TrialTree._stack.pop()

    def what(self) -> Dict[str, Any]:
        return {"name": self.name, "trial": repr(self.trial)}

    @classmethod
    def clear(cls) -> None:
        cls._stack.clear()


class Trial:
    @classmethod
    def clear(cls) -> None:
        TrialTree.clear()
        gc.collect()  # to release memory right away

    def __init__(self, data: Optional[Dict[str, Any]] = None, obsoleted: Optional[Set[str]] = None, name: Optional[str] = None) -> None:
        self.trial_node = TrialTree(self, name=name)
        self.data = data or dict()
        self.obsoleted = obsoleted or set()

    @property
    def sup(self) -> Optional["Trial"]:
        if self.trial_node.sup:
            return self.trial_node.sup.trial
        return None

    def __enter__(self) -> TrialTree:
        return self.trial_node.__enter__()

    def __exit__(self, *exc: Any) -> None:
        self.trial_node.__exit__(*exc)

    def __getitem__(self, key: str) -> Any:
        try:
            return self.data[key]
        except KeyError:
            if key in self.obsoleted or self.sup is None:
                raise
            return self.sup[key]

    def __setitem__(self, key: str, obj: Any) -> None:
        self.data[key] = obj

    def __iter__(self) -> Iterator[str]:
        yield from iter(self.data)
