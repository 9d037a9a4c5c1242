from typing import Dict, Type

from .handles import Handle, c_unref, cast


class BaseInfo(Handle):
    _unref = False
    _types: Dict[int, Type["BaseInfo"]] = {}

    @classmethod
    def register(cls, info_type: int):  # type: ignore[no-untyped-def]
        def wrap(sub: Type["BaseInfo"]) -> Type["BaseInfo"]:
            cls._types[info_type] = sub
            return sub
        return wrap

    @property
    def info_type(self) -> int:
        return self.address & 0xF

    @classmethod
    def downcast(cls, info: "BaseInfo") -> "BaseInfo":
        target = cls._types.get(info.info_type)
        if target is None:
            return info
        new = cast(info, target)
        new._unref = info._unref
        info._unref = False
        return new

    def __del__(self) -> None:  # LEAK
        if self._unref:
            c_unref(self.address)
