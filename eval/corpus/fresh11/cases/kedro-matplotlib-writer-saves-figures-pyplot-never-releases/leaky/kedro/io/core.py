import abc
from pathlib import PurePosixPath


class DataSetError(Exception):
    pass


def get_filepath_str(path: PurePosixPath, protocol: str) -> str:
    path = path.as_posix()
    if protocol != "file":
        path = "://".join([protocol, path])
    return path


class AbstractVersionedDataSet(abc.ABC):
    def __init__(self, filepath: PurePosixPath, version=None):
        self._filepath = filepath
        self._version = version

    def _get_save_path(self) -> PurePosixPath:
        return self._filepath

    def save(self, data) -> None:
        """Saves data by delegation to the provided save method."""
        if data is None:
            raise DataSetError("Saving `None` to a `DataSet` is not allowed")
        try:
            self._save(data)
        except DataSetError:
            raise
        except Exception as exc:
            raise DataSetError("Failed while saving data to data set {}.\n{}".format(str(self), str(exc))) from exc

    @abc.abstractmethod
    def _save(self, data) -> None:
        raise NotImplementedError
