from weakref import WeakKeyDictionary

from parso.cache import parser_cache


def is_scope(node):
    return node.type in ('file_input', 'classdef', 'funcdef', 'lambdef', 'sync_comp_for')


def get_parent_scope(node, include_flows=False):
    """Returns the underlying scope."""
    scope = node.parent
    if scope is None:
        return None  # It's a module already.
    while not is_scope(scope):
        scope = scope.parent
    return scope


def get_parso_cache_node(grammar, path):
    return parser_cache[grammar._hashed][path]


def _get_parent_scope_cache(func):
    cache = WeakKeyDictionary()

    def wrapper(used_names, node, include_flows=False):
        try:
            for_module = cache[used_names]
        except KeyError:
            for_module = cache[used_names] = {}  # LEAK

        try:
            return for_module[node]
        except KeyError:
            result = for_module[node] = func(node, include_flows)  # LEAK
            return result
    return wrapper


get_cached_parent_scope = _get_parent_scope_cache(get_parent_scope)
