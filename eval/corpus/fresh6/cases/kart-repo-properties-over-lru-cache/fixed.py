from __future__ import annotations

from functools import cached_property

import pygit2

EMPTY_TREE_SHA = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


def get_repo_wide_version(repo) -> int:
    return int(repo.config["kart.repostructure.version"])


class KartRepo(pygit2.Repository):
    """A Kart repository: a git repository with Kart's dataset layout."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.branding = "kart"

    @cached_property
    def diff_annotations(self):
        # DiffAnnotations is slow to import - don't move this to the top of this file.
        from kart.annotations import DiffAnnotations

        return DiffAnnotations(self)

    @cached_property
    def table_dataset_version(self) -> int:
        """The Kart repository version, e.g. 2 for 'Datasets V2'."""
        return get_repo_wide_version(self)

    @cached_property
    def empty_tree(self):
        """The empty tree."""
        return self[EMPTY_TREE_SHA]
