"""``python -m leaklint``: the same as the ``leaklint`` console script."""

from leaklint.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
