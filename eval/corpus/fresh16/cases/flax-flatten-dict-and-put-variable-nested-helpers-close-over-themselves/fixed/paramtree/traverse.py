from typing import Any, Callable, Dict, Optional, Tuple

EMPTY = object()
Path = Tuple[str, ...]


def _key_of(path: Path, sep: Optional[str]) -> Any:
    return path if sep is None else sep.join(path)


def _walk(
    node: Any,
    prefix: Path,
    keep_empty_nodes: bool,
    is_leaf: Optional[Callable[[Path, Any], bool]],
    sep: Optional[str],
) -> Dict[Any, Any]:
    if not isinstance(node, dict) or (is_leaf is not None and is_leaf(prefix, node)):
        return {_key_of(prefix, sep): node}
    result: Dict[Any, Any] = {}
    for key, value in node.items():
        result.update(_walk(value, prefix + (key,), keep_empty_nodes, is_leaf, sep))
    if keep_empty_nodes and not node:
        return {} if prefix == () else {_key_of(prefix, sep): EMPTY}
    return result


def flatten_dict(
    xs: Dict[str, Any],
    keep_empty_nodes: bool = False,
    is_leaf: Optional[Callable[[Path, Any], bool]] = None,
    sep: Optional[str] = None,
) -> Dict[Any, Any]:
    return _walk(xs, (), keep_empty_nodes, is_leaf, sep)
