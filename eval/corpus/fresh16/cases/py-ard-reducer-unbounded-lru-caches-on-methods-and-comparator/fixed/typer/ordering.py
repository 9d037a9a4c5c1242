import functools
import re

_NON_NUMERIC = re.compile(r"[A-Za-z]")


@functools.lru_cache(maxsize=1000)
def natural_compare(left: str, right: str) -> int:
    if left == right:
        return 0
    a = _NON_NUMERIC.sub("", left).split(":")
    b = _NON_NUMERIC.sub("", right).split(":")
    for x, y in zip(a, b):
        if x.isdigit() and y.isdigit() and int(x) != int(y):
            return -1 if int(x) < int(y) else 1
    return (len(a) > len(b)) - (len(a) < len(b))
