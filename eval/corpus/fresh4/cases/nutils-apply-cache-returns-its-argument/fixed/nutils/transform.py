from __future__ import annotations

import numpy

from . import types


def apply(chain, points):
    # not cached: for an empty chain or identity transforms the result is the argument itself,
    # which would keep the cache entry alive forever; the transform items cache their own work
    for trans in reversed(chain):
        points = trans.apply(points)
    return points


class Matrix:
    def __init__(self, linear, offset):
        self.linear = numpy.asarray(linear)
        self.offset = numpy.asarray(offset)

    @types.lru_cache
    def apply(self, points):
        result = numpy.dot(points, self.linear.T) + self.offset
        result.flags.writeable = False
        return result


class Identity(Matrix):
    def apply(self, points):
        return points
