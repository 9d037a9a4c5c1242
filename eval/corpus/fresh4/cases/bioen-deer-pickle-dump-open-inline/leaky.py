from __future__ import annotations

import pickle

import numpy as np


def get_labels(labels):
    return [tuple(pair.split("-")) for pair in labels.split(",")]


def get_exp_tmp(deer):
    data = {ln: np.genfromtxt("%s/exp-%s-%s.dat" % (deer.exp_path, *ln)) for ln in deer.labels}
    return len(data), {k: v[:, 1] for k, v in data.items()}, {k: v[:, 2] for k, v in data.items()}


class Deer:
    def __init__(self, kwargs):
        """Load everything needed about the DEER data."""
        for key in kwargs:
            setattr(self, key, kwargs[key])

        if self.in_pkl is not None:
            with open(self.in_pkl, "rb") as file:
                [self.labels, self.nrestraints, self.exp_tmp, self.exp_err_tmp] = pickle.load(file)
        else:
            self.labels = get_labels(self.labels)
            self.nrestraints, self.exp_tmp, self.exp_err_tmp = get_exp_tmp(self)

        if self.out_pkl is not None:
            pickle.dump([self.labels, self.nrestraints, self.exp_tmp, self.exp_err_tmp],
                        open(self.out_pkl, "wb"))  # LEAK
