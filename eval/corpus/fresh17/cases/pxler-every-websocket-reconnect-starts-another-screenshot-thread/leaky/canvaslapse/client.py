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

    def on_message(self, ws: Any, message: str) -> None:
        event = json.loads(message)
        if event["type"] == "pixel" and self.board is not None:
            for pixel in event["pixels"]:
                self.board.paint(pixel["y"], pixel["x"], pixel["color"])

    def on_open(self, ws: Any) -> None:
        def shoot() -> None:
            while True:
                frame = Image.fromarray(self.board.pixels, "RGB")
                frame.save(self.folder + "/" + time.strftime("%Y-%m-%d-%H-%M-%S", time.gmtime()) + ".png")
                time.sleep(self.every)

        threading.Thread(target=shoot, daemon=True).start()  # LEAK

    def run(self) -> None:
        while True:
            try:
                info = json.loads(urllib.request.urlopen("http://" + SITE + "/info").read().decode("utf-8"))
                raw = numpy.frombuffer(urllib.request.urlopen("http://" + SITE + "/boarddata").read(), dtype=numpy.uint8)
            except Exception:
                continue
            self.board = Board(int(info["width"]), int(info["height"]), info["palette"])
            self.board.load(raw)
            try:
                app = websocket.WebSocketApp("ws://" + SITE + "/ws", on_message=self.on_message)
            except Exception:
                continue
            app.on_open = self.on_open
            app.run_forever()
            time.sleep(5)
