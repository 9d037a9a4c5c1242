import h5py
import numpy as np


def read_points(filename: str):
    with h5py.File(filename, mode="r") as h5file:
        if "points" in h5file and "structure" in h5file:
            points = np.array(h5file["points"])
            groups = np.array(h5file["structure"])
        elif "neuron1/structure" in h5file:
            stage = next(s for s in ("repaired", "unraveled", "raw") if s in h5file["neuron1"])
            points = np.array(h5file["neuron1/%s/points" % stage])
            groups = np.array(h5file["neuron1/structure/raw"])
        else:
            raise ValueError("unknown HDF5 morphology version: %s" % filename)
    return points, groups
