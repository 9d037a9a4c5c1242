import h5py
import numpy as np

from .datawrapper import DataWrapper


def get_version(h5file):
    '''Determine whether an HDF5 file is v1 or v2'''
    if 'points' in h5file and 'structure' in h5file:
        return 'H5V1'
    elif 'neuron1/structure' in h5file:
        return 'H5V2'


def _unpack_v1(h5file):
    points = np.array(h5file['points'])
    groups = np.array(h5file['structure'])
    return points, groups


def _unpack_v2(h5file, stage):
    points = np.array(h5file['neuron1/%s/points' % stage])
    groups_stage = stage if stage != 'unraveled' else 'raw'
    groups = np.array(h5file['neuron1/structure/%s' % groups_stage])
    stypes = np.array(h5file['neuron1/structure/sectiontype'])
    groups = np.hstack([groups, stypes])
    return points, groups


def _unpack_data(points, groups, remove_duplicates):
    return points, groups


def read(filename, remove_duplicates=False, data_wrapper=DataWrapper):
    '''Read a file and return a tuple of data, format.'''
    with h5py.File(filename, mode='r') as h5file:
        version = get_version(h5file)
        if version == 'H5V1':
            points, groups = _unpack_v1(h5file)
        elif version == 'H5V2':
            stg = next(s for s in ('repaired', 'unraveled', 'raw')
                       if s in h5file['neuron1'])
            points, groups = _unpack_v2(h5file, stage=stg)

    data, sec = _unpack_data(points, groups, remove_duplicates)
    return data_wrapper(data, 'H5', sec)
