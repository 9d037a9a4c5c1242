import io
from pathlib import PurePosixPath
from typing import Dict, List, Union

import fsspec
from matplotlib.pyplot import figure

from kedro.io.core import AbstractVersionedDataSet, get_filepath_str


class MatplotlibWriter(AbstractVersionedDataSet):
    """Saves one or more matplotlib figures to image files, locally or remotely."""

    def __init__(self, filepath: str, fs_args=None, save_args=None, version=None):
        protocol, path = fsspec.core.split_protocol(filepath)
        self._protocol = protocol or "file"
        self._fs = fsspec.filesystem(self._protocol, **(fs_args or {}))
        self._save_args = save_args or {}
        self._fs_open_args_save = {"mode": "wb"}
        super().__init__(filepath=PurePosixPath(path), version=version)

    def _save(self, data: Union[figure, List[figure], Dict[str, figure]]) -> None:  # LEAK
        save_path = self._get_save_path()

        if isinstance(data, list):
            for index, plot in enumerate(data):
                full_key_path = get_filepath_str(save_path / f"{index}.png", self._protocol)
                self._save_to_fs(full_key_path=full_key_path, plot=plot)
        elif isinstance(data, dict):
            for plot_name, plot in data.items():
                full_key_path = get_filepath_str(save_path / plot_name, self._protocol)
                self._save_to_fs(full_key_path=full_key_path, plot=plot)
        else:
            full_key_path = get_filepath_str(save_path, self._protocol)
            self._save_to_fs(full_key_path=full_key_path, plot=data)

        self._invalidate_cache()

    def _save_to_fs(self, full_key_path: str, plot):
        bytes_buffer = io.BytesIO()
        plot.savefig(bytes_buffer, **self._save_args)

        with self._fs.open(full_key_path, **self._fs_open_args_save) as fs_file:
            fs_file.write(bytes_buffer.getvalue())

    def _invalidate_cache(self) -> None:
        """Invalidate underlying filesystem caches."""
        filepath = get_filepath_str(self._filepath, self._protocol)
        self._fs.invalidate_cache(filepath)
