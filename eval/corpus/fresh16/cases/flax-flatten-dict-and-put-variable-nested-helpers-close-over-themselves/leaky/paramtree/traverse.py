from typing import Any, Callable, Dict, Optional, Tuple

EMPTY = object()
Path = Tuple[str, ...]


def flatten_dict(
    xs: Dict[str, Any],
    keep_empty_nodes: bool = False,
    is_leaf: Optional[Callable[[Path, Any], bool]] = None,
    sep: Optional[str] = None,
) -> Dict[Any, Any]:
    def key_of(path: Path) -> Any:
        return path if sep is None else sep.join(path)

    def walk(node: Any, prefix: Path) -> Dict[Any, Any]:  # LEAK
        if not isinstance(node, dict) or (is_leaf is not None and is_leaf(prefix, node)):
            return {key_of(prefix): node}
        result: Dict[Any, Any] = {}
        for key, value in node.items():
            result.update(walk(value, prefix + (key,)))
        if keep_empty_nodes and not node:
            return {} if prefix == () else {key_of(prefix): EMPTY}
        return result

    return walk(xs, ())
