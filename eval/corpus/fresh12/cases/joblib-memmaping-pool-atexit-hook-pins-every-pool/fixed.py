import atexit
import os
import shutil
import tempfile
from multiprocessing.pool import Pool


def delete_folder(folder_path: str) -> None:
    """Utility function to cleanup a temporary folder if still existing"""
    if os.path.exists(folder_path):
        shutil.rmtree(folder_path)


class MemmapingPool(Pool):
    """Process pool that dumps large arrays to a temporary folder shared with the workers."""

    def __init__(self, processes=None, initializer=None, initargs=(), temp_folder=None, max_nbytes=1e6) -> None:
        if temp_folder is None:
            temp_folder = tempfile.gettempdir()
        temp_folder = os.path.abspath(os.path.expanduser(temp_folder))
        self._temp_folder = temp_folder = os.path.join(
            temp_folder, "joblib_memmaping_pool_%d_%d" % (os.getpid(), id(self)))
        self._max_nbytes = max_nbytes
        # no reference to self here, so that this callback does not keep the pool (and its
        # semaphores and pipes) alive
        atexit.register(lambda: delete_folder(temp_folder))
        super(MemmapingPool, self).__init__(processes=processes, initializer=initializer, initargs=initargs)

    def terminate(self) -> None:
        super(MemmapingPool, self).terminate()
        delete_folder(self._temp_folder)
