import errno
import os
import tempfile
import time

from celery_once.tasks import AlreadyQueued


class File(object):
    """File locking backend."""

    def __init__(self, settings):
        self.location = settings.get('location')
        if self.location is None:
            self.location = os.path.join(tempfile.gettempdir(), 'celery_once')
        try:
            os.makedirs(self.location)
        except OSError as error:
            if error.errno != errno.EEXIST:
                raise

    def _get_lock_path(self, key):
        return os.path.join(self.location, key)

    def raise_or_lock(self, key, timeout):
        lock_path = self._get_lock_path(key)
        try:
            # Create lock file, raise exception if it exists
            os.open(lock_path, os.O_CREAT | os.O_EXCL)  # LEAK
        except OSError as error:
            if error.errno == errno.EEXIST:
                mtime = os.path.getmtime(lock_path)
                ttl = mtime + timeout - time.time()
                if ttl > 0:
                    raise AlreadyQueued(ttl)
                else:
                    os.utime(lock_path, None)
                    return
            else:
                raise

    def clear_lock(self, key):
        lock_path = self._get_lock_path(key)
        os.remove(lock_path)
