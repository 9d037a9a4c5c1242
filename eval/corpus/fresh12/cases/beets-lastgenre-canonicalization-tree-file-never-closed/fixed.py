import codecs
import os
from os.path import normpath

import yaml

C14N_TREE = os.path.join(os.path.dirname(__file__), "genres-tree.yaml")


def flatten_tree(elem, path, branches):
    if not path:
        path = []
    if isinstance(elem, dict):
        for (k, v) in elem.items():
            flatten_tree(v, path + [k], branches)
    elif isinstance(elem, list):
        for sub in elem:
            flatten_tree(sub, path, branches)
    else:
        branches.append(path + [str(elem)])


class LastGenrePlugin:
    def __init__(self, config) -> None:
        self.config = config
        self.c14n_branches = []
        self.setup()

    def setup(self) -> None:
        c14n_filename = self.config["canonical"]
        if c14n_filename in (True, ""):
            c14n_filename = C14N_TREE
        if c14n_filename:
            c14n_filename = normpath(c14n_filename)
            with codecs.open(c14n_filename, "r", encoding="utf-8") as f:
                genres_tree = yaml.safe_load(f)
            flatten_tree(genres_tree, [], self.c14n_branches)
