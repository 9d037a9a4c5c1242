import os


def read_file(*path: str) -> str:
    """Read the full content of a file."""
    with open(os.path.join(*path)) as f:
        return f.read().strip()
