"""Colour on terminals, as https://no-color.org and https://force-color.org ask.

``NO_COLOR`` (set and not empty) turns colour off everywhere; otherwise ``FORCE_COLOR`` (set and
not empty) turns it on even when standard output is not a terminal (CI logs that render ANSI);
otherwise colour is on for a terminal that is not ``TERM=dumb``. A report written to a file is
never coloured.
"""

from __future__ import annotations

import os
from typing import Mapping, Optional, TextIO

RESET = "\x1b[0m"
STYLES = {
    "location": "\x1b[1m",  # bold
    "code": "\x1b[1;31m",  # bold red
    "caret": "\x1b[31m",  # red
    "fix": "\x1b[36m",  # cyan
}


def use_color(stream: Optional[TextIO], environ: Optional[Mapping[str, str]] = None) -> bool:
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if stream is None or env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (OSError, ValueError, AttributeError):
        return False


def paint(text: str, style: str, enabled: bool) -> str:
    return f"{STYLES[style]}{text}{RESET}" if enabled and text else text
