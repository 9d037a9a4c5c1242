from __future__ import annotations

from ..util.memo import memoize


def _get_flat_type_info(cls, acc):
    for base in reversed(cls.__mro__):
        acc.update(getattr(base, "_type_info", {}))
    return acc


class ComplexModelBase:
    _type_info: dict = {}

    def __init__(self, **kwargs):
        for key in self.get_flat_type_info(self.__class__):
            setattr(self, key, kwargs.get(key))

    @staticmethod
    @memoize
    def get_flat_type_info(cls):
        """The _type_info of the class merged with every base class's."""
        return _get_flat_type_info(cls, {})

    def as_dict(self):
        """The object as a dict, without its None values."""
        return dict(
            (k, getattr(self, k)) for k in self.get_flat_type_info(self.__class__)
            if getattr(self, k) is not None
        )
