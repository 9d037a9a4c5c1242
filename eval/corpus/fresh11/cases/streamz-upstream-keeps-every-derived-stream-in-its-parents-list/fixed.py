from __future__ import absolute_import, division, print_function

from collections import deque
import weakref

from tornado import gen

no_default = '--no-default--'

_global_sinks = set()


def identity(x):
    return x


class Stream(object):
    """A Stream is an infinite sequence of data."""

    def __init__(self, child=None, children=None, stream_name=None, **kwargs):
        self.parents = weakref.WeakSet()
        if children is not None:
            self.children = children
        else:
            self.children = [child]
        for child in self.children:
            if child:
                child.parents.add(self)
        self.name = stream_name

    def emit(self, x):
        """Push data into the stream at this point"""
        result = []
        for parent in self.parents:
            r = parent.update(x, who=self)
            if type(r) is list:
                result.extend(r)
            else:
                result.append(r)
        return [element for element in result if element is not None]

    def update(self, x, who=None):
        self.emit(x)

    def map(self, func, *args, **kwargs):
        return map(func, self, args=args, **kwargs)

    def sink(self, func):
        return Sink(func, self)

    def connect(self, parent):
        """Connect this stream to a downstream element."""
        # Note : parents go downstream and children go upstream.
        self.parents.add(parent)

        if parent.children == [None]:
            parent.children = [self]
        else:
            parent.children.append(self)

    def disconnect(self, parent):
        """Disconnect this stream to a downstream element."""
        self.parents.remove(parent)


class Sink(Stream):
    def __init__(self, func, child):
        self.func = func

        Stream.__init__(self, child)
        _global_sinks.add(self)

    def update(self, x, who=None):
        result = self.func(x)
        if type(result) is gen.Future:
            return result
        else:
            return []


class map(Stream):
    def __init__(self, func, child, args=(), **kwargs):
        self.func = func
        self.kwargs = kwargs
        self.args = args
        Stream.__init__(self, child)

    def update(self, x, who=None):
        result = self.func(x, *self.args, **self.kwargs)
        return self.emit(result)
