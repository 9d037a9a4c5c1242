from __future__ import annotations

import importlib.resources


def open_data_file(name: str):
    return importlib.resources.files("datamol.data").joinpath(name).open("rb")


def data_file_path(name: str) -> str:
    with open_data_file(name) as handle:
        return handle.name
