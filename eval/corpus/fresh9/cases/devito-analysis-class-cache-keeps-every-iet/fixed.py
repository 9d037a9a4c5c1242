from __future__ import annotations

from collections import OrderedDict

from devito.ir.iet import Iteration, MapIteration, NestedTransformer, retrieve_iteration_tree
from devito.ir.support import PARALLEL, SEQUENTIAL, Scope


class Analysis:

    def __init__(self, iet) -> None:
        self.iet = iet
        self.properties = OrderedDict()
        self.trees = retrieve_iteration_tree(iet)
        self.scopes = OrderedDict((k, Scope([i.expr for i in v])) for k, v in MapIteration().visit(iet).items())

    def update(self, properties) -> None:
        for k, v in properties.items():
            self.properties.setdefault(k, []).append(v)


def propertizer(func):
    def wrapper(arg):
        analysis = Analysis(arg) if not isinstance(arg, Analysis) else arg
        func(analysis)
        return analysis

    return wrapper


def analyze_iterations(iet):
    """Attach IterationProperty decorators to the Iterations within iet."""
    analysis = mark_parallel(iet)
    mapper = OrderedDict()
    for k, v in list(analysis.properties.items()):
        args = k.args
        properties = tuple(args.pop("properties") or ()) + tuple(v)
        mapper[k] = Iteration(properties=properties, **args)
    return NestedTransformer(mapper).visit(iet)


@propertizer
def mark_parallel(analysis) -> None:
    properties = OrderedDict()
    for tree in analysis.trees:
        for depth, i in enumerate(tree):
            if i in properties:
                continue
            dims = [j.dim for j in tree[: depth + 1]]
            is_sequential = any(
                not ((dims[:-1] and any(dep.is_carried(d) for d in dims[:-1])) or all(dep.is_independent(d) for d in dims))
                for dep in analysis.scopes[i].d_all
            )
            properties[i] = SEQUENTIAL if is_sequential else PARALLEL
    analysis.update(properties)
