import os
import socket
from typing import Any, Dict, List, Optional


class Screen:
    def __init__(self, root: Any, default_colormap: Any) -> None:
        self.root = root
        self.default_colormap = default_colormap


class Info:
    def __init__(self) -> None:
        self.roots: List[Screen] = []
        self.min_keycode = 8
        self.max_keycode = 255


class Display:

    extension_major_opcodes: Dict[str, int] = {}

    def __init__(self, display: Optional[str] = None) -> None:
        self.display_name = display or os.environ.get("DISPLAY", ":0")
        self.socket: Optional[socket.socket] = None
        self.info = Info()

    def set_extension_major(self, extname: str, major: int) -> None:
        self.extension_major_opcodes[extname] = major

    def get_display_name(self) -> str:
        return self.display_name

    def close(self) -> None:
        if self.socket is not None:
            self.socket.close()
            self.socket = None
