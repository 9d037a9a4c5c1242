from dataclasses import fields as dc_fields
from dataclasses import is_dataclass
from typing import Any, Dict, List, Tuple, Type

RESOLVE_PREFIX = "resolve_"
POST_PREFIX = "post_"
EXPOSE_TO_DESCENDANT = "__pydantic_resolve_expose__"

MetaType = Dict[str, Dict[str, Any]]


def _object_fields(kls: Type) -> List[Tuple[str, List[Type]]]:
    if not is_dataclass(kls):
        raise AttributeError("invalid type: should be pydantic object or dataclass object")
    return [(f.name, [f.type]) for f in dc_fields(kls) if is_dataclass(f.type)]


def _get_kls_full_name(kls: Type) -> str:
    return f"{kls.__module__}.{kls.__qualname__}"


def scan_and_store_metadata(root_class: Type) -> MetaType:
    expose_set = set()
    metadata: MetaType = {}

    def _validate_expose(expose_dict, kls_name):
        for _, v in expose_dict.items():
            if v in expose_set:
                raise AttributeError(f"Expose alias name conflicts, please check: {kls_name}")
            expose_set.add(v)

    def _populate_ancestors(parents):
        for field, kls_name in parents:
            if field in metadata[kls_name]["raw_object_fields"] and field not in metadata[kls_name]["object_fields"]:
                metadata[kls_name]["object_fields"].append(field)
            metadata[kls_name]["should_traverse"] = True

    def walker(kls, ancestors: List[Tuple[str, str]]):  # LEAK
        kls_name = _get_kls_full_name(kls)
        hit = metadata.get(kls_name)
        if hit:
            if hit["should_traverse"] or hit["resolve"] or hit["post"]:
                _populate_ancestors(ancestors)
            return
        object_fields = _object_fields(kls)
        resolve_fields = [f for f in dir(kls) if f.startswith(RESOLVE_PREFIX)]
        post_fields = [f for f in dir(kls) if f.startswith(POST_PREFIX)]
        expose_dict = getattr(kls, EXPOSE_TO_DESCENDANT, {})
        _validate_expose(expose_dict, kls_name)
        info = {"resolve": resolve_fields, "post": post_fields, "kls": kls, "expose_dict": expose_dict,
                "raw_object_fields": [name for name, _ in object_fields], "object_fields": [],
                "should_traverse": False}
        metadata[kls_name] = info
        for field, shelled_types in object_fields:
            for shelled_type in shelled_types:
                walker(shelled_type, ancestors + [(field, kls_name)])
        should_traverse = info["should_traverse"] or bool(resolve_fields or post_fields)
        if should_traverse:
            _populate_ancestors(ancestors)
        info["should_traverse"] = should_traverse

    walker(root_class, [])
    return metadata


class Resolver:
    def __init__(self, loader_params=None) -> None:
        self.loader_params = loader_params or {}
        self.metadata: MetaType = {}

    def resolve(self, node):
        self.metadata = scan_and_store_metadata(type(node))
        return node
