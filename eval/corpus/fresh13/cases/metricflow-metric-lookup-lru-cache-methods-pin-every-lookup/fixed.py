from collections import OrderedDict
from typing import Any, FrozenSet, Generic, Hashable, Optional, Sequence, Tuple, TypeVar

KeyT = TypeVar("KeyT", bound=Hashable)
ValueT = TypeVar("ValueT")


class LruCache(Generic[KeyT, ValueT]):
    """A bounded cache owned by one instance, so it is freed with that instance."""

    def __init__(self, max_size: int) -> None:
        self._max_size = max_size
        self._cache: "OrderedDict[KeyT, ValueT]" = OrderedDict()

    def get(self, key: KeyT) -> Optional[ValueT]:
        value = self._cache.get(key)
        if value is not None:
            self._cache.move_to_end(key)
        return value

    def set(self, key: KeyT, value: ValueT) -> None:
        self._cache[key] = value
        self._cache.move_to_end(key)
        if len(self._cache) > self._max_size:
            self._cache.popitem(last=False)


class LinkableElementFilter:
    def __init__(self, with_any_of: FrozenSet[str] = frozenset(), without_any_of: FrozenSet[str] = frozenset()) -> None:
        self.with_any_of = with_any_of
        self.without_any_of = without_any_of

    def _key(self) -> Tuple[FrozenSet[str], FrozenSet[str]]:
        return (self.with_any_of, self.without_any_of)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LinkableElementFilter) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


class MetricLookup:
    def __init__(self, semantic_manifest: Any, linkable_spec_resolver: Any) -> None:
        self._semantic_manifest = semantic_manifest
        self._linkable_spec_resolver = linkable_spec_resolver
        self._no_metrics_query_cache: LruCache[LinkableElementFilter, Any] = LruCache(128)
        self._metrics_cache: LruCache[Tuple[Tuple[str, ...], LinkableElementFilter], Any] = LruCache(128)

    def linkable_elements_for_no_metrics_query(self, element_set_filter: LinkableElementFilter = LinkableElementFilter()) -> Any:
        result = self._no_metrics_query_cache.get(element_set_filter)
        if result is not None:
            return result
        result = self._linkable_spec_resolver.get_linkable_elements_for_distinct_values_query(element_set_filter)
        self._no_metrics_query_cache.set(element_set_filter, result)
        return result

    def linkable_elements_for_metrics(self, metric_references: Sequence[str], element_set_filter: LinkableElementFilter = LinkableElementFilter()) -> Any:
        cache_key = (tuple(metric_references), element_set_filter)
        result = self._metrics_cache.get(cache_key)
        if result is not None:
            return result
        result = self._linkable_spec_resolver.get_linkable_elements_for_metrics(metric_references, element_set_filter)
        self._metrics_cache.set(cache_key, result)
        return result
