from __future__ import annotations


def _recurse(a, format_function, separator: str, index: tuple) -> str:
    if len(index) == a.ndim:
        return format_function(a[index])
    items = [_recurse(a, format_function, separator, index + (i,)) for i in range(a.shape[len(index)])]
    return "[" + separator.join(items) + "]"


def format_array(a, format_function, separator: str = ", ") -> str:
    return _recurse(a, format_function, separator, ())
