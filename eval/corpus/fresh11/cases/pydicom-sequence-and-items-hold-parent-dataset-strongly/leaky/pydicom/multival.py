class MultiValue(object):
    def __init__(self, type_constructor, iterable):
        self.type_constructor = type_constructor
        self._list = [type_constructor(x) for x in iterable]

    def __setitem__(self, i, val):
        self._list[i] = self.type_constructor(val)

    def __getitem__(self, index):
        return self._list[index]

    def __len__(self):
        return len(self._list)

    def __iter__(self):
        return iter(self._list)

    def append(self, val):
        self._list.append(self.type_constructor(val))
