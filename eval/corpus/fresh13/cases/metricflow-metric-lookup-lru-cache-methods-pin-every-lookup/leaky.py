import functools
from typing import Any, FrozenSet, Sequence, Tuple


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

    @functools.lru_cache  # LEAK
    def linkable_elements_for_no_metrics_query(self, element_set_filter: LinkableElementFilter = LinkableElementFilter()) -> Any:
        return self._linkable_spec_resolver.get_linkable_elements_for_distinct_values_query(element_set_filter)

    @functools.lru_cache  # LEAK
    def linkable_elements_for_metrics(self, metric_references: Sequence[str], element_set_filter: LinkableElementFilter = LinkableElementFilter()) -> Any:
        return self._linkable_spec_resolver.get_linkable_elements_for_metrics(metric_references, element_set_filter)
