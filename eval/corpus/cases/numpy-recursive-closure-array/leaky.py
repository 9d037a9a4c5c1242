from __future__ import annotations


def format_array(a, format_function, separator: str = ", ") -> str:
    def recurser(index: tuple) -> str:  # LEAK
        if len(index) == a.ndim:
            return format_function(a[index])
        items = [recurser(index + (i,)) for i in range(a.shape[len(index)])]  # LEAK
        return "[" + separator.join(items) + "]"

    return recurser(())
