import collections
from typing import TYPE_CHECKING

from astroid.context import _invalidate_cache

if TYPE_CHECKING:
    from astroid import NodeNG


class TransformVisitor:
    """A visitor for handling transforms."""

    def __init__(self):
        self.transforms = collections.defaultdict(list)

    def _transform(self, node: "NodeNG") -> "NodeNG":
        """Call matching transforms for the given node if any and return the transformed node."""
        cls = node.__class__
        if cls not in self.transforms:
            return node

        transforms = self.transforms[cls]
        for transform_func, predicate in transforms:
            if predicate is None or predicate(node):
                ret = transform_func(node)
                if ret is not None:
                    _invalidate_cache()
                    node = ret
                if ret.__class__ != cls:
                    break
        return node

    def register_transform(self, node_class, transform, predicate=None):
        self.transforms[node_class].append((transform, predicate))

    def visit(self, module):
        return self._transform(module)
