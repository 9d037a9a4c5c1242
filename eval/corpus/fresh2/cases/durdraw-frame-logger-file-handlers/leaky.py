from __future__ import annotations

import logging

LOG_FILE = "durdraw.log"


def getLogger(name: str, level: int = logging.INFO) -> logging.Logger:
    logger = logging.getLogger(name)
    logger.setLevel(level)
    handler = logging.FileHandler(LOG_FILE)  # LEAK
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    logger.addHandler(handler)  # LEAK
    return logger


class Frame:
    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.content = [[" "] * width for _ in range(height)]
        self.logger = getLogger("durdraw.frame")
        self.logger.info("new frame %sx%s", width, height)


class Movie:
    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.frames: list[Frame] = []

    def add_empty_frame(self) -> Frame:
        frame = Frame(self.width, self.height)
        self.frames.append(frame)
        return frame
