import itertools
import linecache
import weakref

_counter = itertools.count()


def _forget(filename: str) -> None:
    linecache.cache.pop(filename, None)


def make_function(name: str, body: str):
    filename = "<generated-%d>" % next(_counter)
    source = "def %s(x):\n    return %s\n" % (name, body)
    namespace: dict = {}
    exec(compile(source, filename, "exec"), namespace)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    func = namespace[name]
    weakref.finalize(func, _forget, filename)
    return func
