import collections
from functools import lru_cache

from astroid.context import _invalidate_cache


class TransformVisitor:
    """A visitor for handling transforms."""

    TRANSFORM_MAX_CACHE_SIZE = 10000

    def __init__(self):
        self.transforms = collections.defaultdict(list)

    @lru_cache(maxsize=TRANSFORM_MAX_CACHE_SIZE)  # LEAK
    def _transform(self, node):
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
