import json
import threading
import time
import urllib.request
from typing import Any, Optional

import numpy
import websocket
from PIL import Image

from .board import Board

SITE = "pxls.example"


class Recorder:
    def __init__(self, folder: str, every: int) -> None:
        self.folder = folder
        self.every = every
        self.board: Optional[Board] = None
        self.ready = False

    def on_message(self, ws: Any, message: str) -> None:
        event = json.loads(message)
        if event["type"] == "pixel" and self.board is not None:
            for pixel in event["pixels"]:
                self.board.paint(pixel["y"], pixel["x"], pixel["color"])

    def on_open(self, ws: Any) -> None:
        self.ready = True

    def shoot(self) -> None:
        while True:
            if self.ready and self.board is not None:
                frame = Image.fromarray(self.board.pixels, "RGB")
                frame.save(self.folder + "/" + time.strftime("%Y-%m-%d-%H-%M-%S", time.gmtime()) + ".png")
            time.sleep(self.every)

    def run(self) -> None:
        threading.Thread(target=self.shoot, daemon=True).start()
        while True:
            try:
                info = json.loads(urllib.request.urlopen("http://" + SITE + "/info").read().decode("utf-8"))
                raw = numpy.frombuffer(urllib.request.urlopen("http://" + SITE + "/boarddata").read(), dtype=numpy.uint8)
            except Exception:
                self.ready = False
                continue
            self.board = Board(int(info["width"]), int(info["height"]), info["palette"])
            self.board.load(raw)
            try:
                app = websocket.WebSocketApp("ws://" + SITE + "/ws", on_message=self.on_message)
            except Exception:
                self.ready = False
                continue
            app.on_open = self.on_open
            app.run_forever()
            self.ready = False
            time.sleep(5)
