from jedi.parser_utils import get_cached_parent_scope, get_parso_cache_node


class ParserTreeFilter:
    def __init__(self, parent_context, node_context=None, until_position=None, origin_scope=None):
        module_context = parent_context.get_root_context()
        path = module_context.py__file__()
        if path is None:
            # If the path is None, there is no guarantee that parso caches it.
            self._parso_cache_node = None
        else:
            self._parso_cache_node = get_parso_cache_node(module_context.inference_state.grammar, path)
        self._used_names = module_context.tree_node.get_used_names()
        self.parent_context = parent_context
        self._parser_scope = (node_context or parent_context).tree_node
        self._until_position = until_position
        self._origin_scope = origin_scope

    def _filter(self, names):
        return [n for n in names if self._is_name_reachable(n)]

    def _is_name_reachable(self, name):
        parent = name.parent
        if parent.type == 'trailer':
            return False
        base_node = parent if parent.type in ('classdef', 'funcdef') else name
        return get_cached_parent_scope(self._parso_cache_node, base_node) == self._parser_scope
