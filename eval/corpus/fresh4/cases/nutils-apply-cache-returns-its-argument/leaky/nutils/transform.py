from __future__ import annotations

import numpy

from . import types


@types.lru_cache  # LEAK
def apply(chain, points):
    for trans in reversed(chain):
        points = trans.apply(points)
    return points


class Matrix:
    def __init__(self, linear, offset):
        self.linear = numpy.asarray(linear)
        self.offset = numpy.asarray(offset)

    def apply(self, points):
        result = numpy.dot(points, self.linear.T) + self.offset
        result.flags.writeable = False
        return result


class Identity(Matrix):
    def apply(self, points):
        return points
