from __future__ import annotations

import abc
from typing import Iterator


class AbstractReader(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def __iter__(self) -> Iterator[dict]:
        """Return a record iterator."""
        raise NotImplementedError

    def close(self) -> None:
        """Close the reader; subclasses that hold resources override this."""

    def __enter__(self) -> "AbstractReader":
        return self

    def __exit__(self, *args) -> None:
        self.close()


class AbstractWriter(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def write(self, record: dict) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Close the writer."""
