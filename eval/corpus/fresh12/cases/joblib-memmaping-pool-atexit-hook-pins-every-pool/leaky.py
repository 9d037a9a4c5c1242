import atexit
import os
import shutil
import tempfile
from multiprocessing.pool import Pool


class MemmapingPool(Pool):
    """Process pool that dumps large arrays to a temporary folder shared with the workers."""

    def __init__(self, processes=None, initializer=None, initargs=(), temp_folder=None, max_nbytes=1e6) -> None:
        if temp_folder is None:
            temp_folder = tempfile.gettempdir()
        temp_folder = os.path.abspath(os.path.expanduser(temp_folder))
        self._temp_folder = temp_folder = os.path.join(
            temp_folder, "joblib_memmaping_pool_%d_%d" % (os.getpid(), id(self)))
        self._max_nbytes = max_nbytes
        # Register the garbage collector at program exit in case caller forgets to call it earlier
        atexit.register(self._collect_tempfile)  # LEAK
        super(MemmapingPool, self).__init__(processes=processes, initializer=initializer, initargs=initargs)

    def _collect_tempfile(self) -> None:
        if os.path.exists(self._temp_folder):
            shutil.rmtree(self._temp_folder, ignore_errors=True)

    def terminate(self) -> None:
        super(MemmapingPool, self).terminate()
        self._collect_tempfile()
