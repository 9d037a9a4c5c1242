from __future__ import annotations

import functools
from typing import Optional

from poetry.mixology.set_relation import SetRelation


class Term:
    """A statement about a package that holds or not for a selection of versions."""

    def __init__(self, dependency, is_positive: bool) -> None:
        self._dependency = dependency
        self._positive = is_positive
        self.relation = functools.lru_cache(maxsize=None)(self._relation)
        self.intersect = functools.lru_cache(maxsize=None)(self._intersect)

    @property
    def inverse(self) -> "Term":
        return Term(self._dependency, not self._positive)

    @property
    def dependency(self):
        return self._dependency

    @property
    def constraint(self):
        return self._dependency.constraint

    def is_positive(self) -> bool:
        return self._positive

    def satisfies(self, other: "Term") -> bool:
        return (
            self.dependency.complete_name == other.dependency.complete_name
            and self.relation(other) == SetRelation.SUBSET
        )

    def _relation(self, other: "Term") -> str:
        if self.dependency.complete_name != other.dependency.complete_name:
            raise ValueError(f"{other} should refer to {self.dependency.complete_name}")
        if other.constraint.allows_all(self.constraint):
            return SetRelation.SUBSET
        if not other.constraint.allows_any(self.constraint):
            return SetRelation.DISJOINT
        return SetRelation.OVERLAPPING

    def _intersect(self, other: "Term") -> Optional["Term"]:
        if self.dependency.complete_name != other.dependency.complete_name:
            raise ValueError(f"{other} should refer to {self.dependency.complete_name}")
        if self.is_positive() != other.is_positive():
            positive = self if self.is_positive() else other
            negative = other if self.is_positive() else self
            return self._non_empty_term(positive.constraint.difference(negative.constraint), True)
        if self.is_positive():
            return self._non_empty_term(self.constraint.intersect(other.constraint), True)
        return self._non_empty_term(self.constraint.union(other.constraint), False)

    def difference(self, other: "Term") -> Optional["Term"]:
        return self.intersect(other.inverse)

    def _non_empty_term(self, constraint, is_positive: bool) -> Optional["Term"]:
        if constraint.is_empty():
            return None
        return Term(self.dependency.with_constraint(constraint), is_positive)
