"""Private data of the hyperscan backend: the optional module and why it is unavailable."""

from __future__ import annotations

from typing import Optional

try:
    import hyperscan
    hyperscan_error = None
except ModuleNotFoundError as e:
    hyperscan = None
    hyperscan_error = e  # LEAK

hyperscan_error: Optional[ModuleNotFoundError]
"""The hyperscan import error, or None."""
