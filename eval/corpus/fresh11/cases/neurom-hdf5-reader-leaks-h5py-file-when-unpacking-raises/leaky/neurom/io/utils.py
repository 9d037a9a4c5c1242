import logging
import os
from functools import partial

from neurom.io import swc
from neurom.io.datawrapper import DataWrapper
from neurom.exceptions import NeuroMError, RawDataError

L = logging.getLogger(__name__)


def load_data(filename):
    '''Unpack data into a raw data wrapper'''
    ext = os.path.splitext(filename)[1].lower()

    if ext not in _READERS:
        raise NeuroMError('Do not have a loader for "%s" extension' % ext)

    try:
        return _READERS[ext](filename)
    except Exception:
        L.exception('Error reading file %s, using "%s" loader', filename, ext)
        raise RawDataError('Error reading file %s' % filename)


def _load_h5(filename):
    '''Delay loading of h5py until it is needed'''
    from neurom.io import hdf5
    return hdf5.read(filename, remove_duplicates=False, data_wrapper=DataWrapper)


_READERS = {
    '.swc': partial(swc.read, data_wrapper=DataWrapper),
    '.h5': _load_h5,
}


def load_population(files, neuron_loader):
    neurons = []
    for f in files:
        try:
            neurons.append(neuron_loader(load_data(f)))
        except RawDataError:
            L.warning('skipping %s', f)
    return neurons
