import weakref

from pydicom.dataset import Dataset
from pydicom.multival import MultiValue


def validate_dataset(elem):
    """Check that `elem` is a :class:`~pydicom.dataset.Dataset` instance."""
    if not isinstance(elem, Dataset):
        raise TypeError('Sequence contents must be Dataset instances.')
    return elem


class Sequence(MultiValue):
    def __init__(self, iterable=None):
        if isinstance(iterable, Dataset):
            raise TypeError('The Sequence constructor requires an iterable')

        # the parent dataset
        self._parent = None

        if not iterable:
            iterable = list()

        super(Sequence, self).__init__(validate_dataset, iterable)

    @property
    def parent(self):
        return self._parent

    @parent.setter
    def parent(self, value):
        """Set the parent Dataset and pass it to all Sequence items."""
        if value != self._parent:
            self._parent = weakref.ref(value)
            for item in self._list:
                item.parent = self._parent

    def __setitem__(self, i, val):
        """Set the parent Dataset to the new Sequence item"""
        super(Sequence, self).__setitem__(i, val)
        val.parent = self._parent
