from __future__ import annotations

import io
import os


class ParsingError(Exception):
    def __init__(self, message: str, filename: str) -> None:
        super().__init__(f"{message} in {filename}")


class IniFile:
    def __init__(self) -> None:
        self.content: dict[str, dict[str, str]] = {}

    def parse(self, filename: str) -> None:
        if not os.path.isfile(filename):
            raise ParsingError("File not found", filename)
        try:
            fd = io.open(filename, "r", encoding="utf-8", errors="replace")  # LEAK
        except IOError:
            return
        group = None
        for line in fd:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                group = line.strip("[]")
                self.content[group] = {}
                continue
            try:
                key, value = line.split("=", 1)
            except ValueError:
                raise ParsingError("Invalid line: " + line, filename)
            if group is None:
                raise ParsingError("Key outside any group", filename)
            self.content[group][key.strip()] = value.strip()
        fd.close()
