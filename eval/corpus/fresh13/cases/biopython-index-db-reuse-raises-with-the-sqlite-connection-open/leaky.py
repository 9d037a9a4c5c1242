import os
import sqlite3
from typing import Dict, List, Optional

_FormatToRandomAccess: Dict[str, type] = {"fasta": object, "genbank": object}


class SQLiteManySeqFilesDict:
    def __init__(self, index_filename: str, filenames: Optional[List[str]], format: Optional[str]) -> None:
        if filenames is not None:
            filenames = list(filenames)
        if not os.path.isfile(index_filename):
            raise FileNotFoundError(index_filename)
        con = sqlite3.connect(index_filename)  # LEAK
        self._con = con
        try:
            (count,) = con.execute("SELECT value FROM meta_data WHERE key=?;", ("count",)).fetchone()
            self._length = int(count)
            if self._length == -1:
                raise ValueError("Unfinished/partial database")
            (count,) = con.execute("SELECT COUNT(key) FROM offset_data;").fetchone()
            if self._length != int(count):
                raise ValueError("Corrupt database? %i entries not %i" % (int(count), self._length))
            (self._format,) = con.execute("SELECT value FROM meta_data WHERE key=?;", ("format",)).fetchone()
            if format and format != self._format:
                raise ValueError("Index file says format %s, not %s" % (self._format, format))
            self._filenames = [row[0] for row in con.execute("SELECT name FROM file_data ORDER BY file_number;").fetchall()]
            if filenames and filenames != self._filenames:
                raise ValueError("Index file has different filenames")
        except sqlite3.OperationalError as err:
            raise ValueError("Not a Biopython index database? %s" % err)
        try:
            self._proxy_class = _FormatToRandomAccess[self._format]
        except KeyError:
            raise ValueError("Unsupported format '%s'" % self._format)

    def __len__(self) -> int:
        return self._length

    def close(self) -> None:
        self._con.close()
