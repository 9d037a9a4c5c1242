"""``leaklint server``: a Language Server Protocol server over stdio (needs ``leaklint[server]``).

This package's ``__init__`` imports nothing from pygls, so the pure helpers (``positions``,
``noqa``) stay importable without the extra; ``run_server`` imports pygls when called.
"""

from __future__ import annotations

from typing import Optional

SERVER_PACKAGES = ("pygls", "lsprotocol", "cattrs", "attrs")


def run_server(debounce: Optional[float] = None) -> int:
    """Serve over stdin/stdout until the client says exit. Returns the process exit code."""
    from leaklint.server.app import create_server, serve_stdio

    return serve_stdio(create_server(debounce=debounce))
