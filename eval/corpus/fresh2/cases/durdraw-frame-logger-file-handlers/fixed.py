from __future__ import annotations

import logging

LOG_FILE = "durdraw.log"


def getLogger(name: str, level: int = logging.INFO) -> logging.Logger:
    logger = logging.getLogger(name)
    logger.setLevel(level)
    # the same logger comes back for every frame: drop what an earlier call attached
    for old in logger.handlers[:]:
        logger.removeHandler(old)
        old.close()
    handler = logging.FileHandler(LOG_FILE)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    logger.addHandler(handler)
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
