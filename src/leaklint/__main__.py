"""``python -m leaklint``: the same as the ``leaklint`` console script."""

import os
import sys


def _drop_working_folder_from_path() -> None:
    """``python -m`` puts the working folder first on ``sys.path``: a checked project's own
    ``tempfile.py`` or ``selectors.py`` would then stand in for the standard library inside
    leaklint. The console script does not do this; neither should ``python -m leaklint``."""
    try:
        here = os.getcwd()
    except OSError:  # the working folder was deleted
        here = None
    if sys.path and sys.path[0] in ("", here):
        del sys.path[0]


if __name__ == "__main__":
    _drop_working_folder_from_path()
    from leaklint.cli import main

    raise SystemExit(main())
