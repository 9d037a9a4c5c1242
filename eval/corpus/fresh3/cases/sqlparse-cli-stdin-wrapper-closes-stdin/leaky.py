from __future__ import annotations

import sys
from io import TextIOWrapper


def _error(msg: str) -> int:
    sys.stderr.write("[ERROR] {}\n".format(msg))
    return 1


def format_sql(sql: str) -> str:
    return "\n".join(part.strip() for part in sql.split(";") if part.strip())


def main(filename: str, outfile: str | None = None, encoding: str = "utf-8") -> int:
    if filename == "-":  # read from stdin
        data = TextIOWrapper(sys.stdin.buffer, encoding=encoding).read()  # LEAK
    else:
        try:
            with open(filename, "r", encoding=encoding) as f:
                data = "".join(f.readlines())
        except OSError as e:
            return _error("Failed to read {}: {}".format(filename, e))

    close_stream = False
    if outfile:
        try:
            stream = open(outfile, "w", encoding=encoding)
            close_stream = True
        except OSError as e:
            return _error("Failed to open {}: {}".format(outfile, e))
    else:
        stream = sys.stdout

    stream.write(format_sql(data))
    stream.flush()
    if close_stream:
        stream.close()
    return 0
