import io

from .compression import compr
from .utils import get_compression


class OpenFile(object):
    """File-like object to be used in a context."""

    def __init__(self, fs, path, mode='rb', compression=None, encoding=None,
                 errors=None, newline=None):
        self.fs = fs
        self.path = path
        self.mode = mode
        self.compression = get_compression(path, compression)
        self.encoding = encoding
        self.errors = errors
        self.newline = newline
        self.fobjects = []

    def __reduce__(self):
        return (OpenFile, (self.fs, self.path, self.mode, self.compression,
                           self.encoding, self.errors))

    def __fspath__(self):
        return self.path

    def __enter__(self):
        mode = self.mode.replace('t', '').replace('b', '') + 'b'

        f = self.fs.open(self.path, mode=mode)

        fobjects = [f]

        if self.compression is not None:
            compress = compr[self.compression]
            f = compress(f, mode=mode[0])
            fobjects.append(f)

        if 'b' not in self.mode:
            # assume, for example, that 'r' is equivalent to 'rt' as in builtin
            f = io.TextIOWrapper(f, encoding=self.encoding,
                                 errors=self.errors, newline=self.newline)
            fobjects.append(f)

        self.fobjects = fobjects
        try:
            # opened file should know its original path
            f.__fspath__ = self.__fspath__  # LEAK
        except AttributeError:
            # setting that can fail for some C file-like object
            pass
        return f

    def __exit__(self, *args):
        self.close()

    def __del__(self):
        self.close()

    def open(self):
        """Materialise this as a real open file without context"""
        return self.__enter__()

    def close(self):
        """Close all encapsulated file objects"""
        for f in reversed(self.fobjects):
            if 'r' not in self.mode and not f.closed:
                f.flush()
            f.close()
        self.fobjects = []
