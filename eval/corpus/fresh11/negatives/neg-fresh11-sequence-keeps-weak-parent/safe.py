import weakref


class Item:
    def __init__(self, values) -> None:
        self.values = dict(values)
        self._parent = None

    @property
    def parent(self):
        return self._parent() if self._parent is not None else None

    @parent.setter
    def parent(self, value) -> None:
        self._parent = weakref.ref(value) if value is not None else None


class Sequence:
    def __init__(self, items=()) -> None:
        self._items = list(items)
        self._parent = None

    def attach(self, dataset) -> None:
        self._parent = weakref.ref(dataset)
        for item in self._items:
            item.parent = dataset


class Dataset:
    def __init__(self) -> None:
        self.sequences = {}

    def add_sequence(self, name: str, sequence: Sequence) -> None:
        self.sequences[name] = sequence
        sequence.attach(self)
