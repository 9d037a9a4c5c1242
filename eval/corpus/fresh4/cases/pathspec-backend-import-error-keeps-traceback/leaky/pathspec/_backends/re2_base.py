"""Private data of the re2 backend: the optional module, its options, and why it is unavailable."""

from __future__ import annotations

from typing import Optional

try:
    import re2
    re2_error = None
except ModuleNotFoundError as e:
    re2 = None
    re2_error = e  # LEAK
    RE2_OPTIONS = None
else:
    try:
        RE2_OPTIONS = re2.Options()
        RE2_OPTIONS.log_errors = False
        RE2_OPTIONS.never_capture = True
    except Exception as e:
        re2_error = e  # LEAK
        RE2_OPTIONS = None

re2_error: Optional[Exception]
"""The re2 import error, or None."""
