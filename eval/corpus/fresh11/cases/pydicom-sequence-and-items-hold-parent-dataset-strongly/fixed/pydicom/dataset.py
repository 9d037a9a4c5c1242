from pydicom.datadict import tag_for_keyword
from pydicom.tag import Tag


class DataElement(object):
    def __init__(self, tag, VR, value):
        self.tag = Tag(tag)
        self.VR = VR
        self.value = value


class Dataset(dict):
    def __init__(self, *args, **kwargs):
        self._dict = dict(*args, **kwargs)
        self.parent = None

    def __getattr__(self, name):
        tag = tag_for_keyword(name)
        if tag is not None:  # `name` isn't a DICOM element keyword
            tag = Tag(tag)
            if tag in self._dict:  # DICOM DataElement not in the Dataset
                return self[tag].value

        # no tag or tag not contained in the dataset
        if name == '_dict':
            # special handling for contained dict, needed for pickle
            return {}
        return object.__getattribute__(self, name)

    def __getitem__(self, key):
        tag = Tag(key)
        data_elem = self._dict[tag]

        if isinstance(data_elem, DataElement):
            if data_elem.VR == 'SQ' and data_elem.value:
                # let a sequence know its parent dataset, as sequence items
                # may need parent dataset tags to resolve ambiguous tags
                data_elem.value.parent = self
            return data_elem
        raise KeyError(key)
