from __future__ import annotations

import os

from PIL import Image


class BitmapFont:
    def _load_font(self, filename: str) -> None:
        with open(filename, "rb") as fp:
            for ext in (".png", ".gif", ".pbm"):
                try:
                    fullname = os.path.splitext(filename)[0] + ext
                    image = Image.open(fullname)  # LEAK
                except Exception:
                    pass
                else:
                    if image and image.mode in ("1", "L"):
                        break
            else:
                raise OSError("cannot find glyph data file")

            self.file = fullname
            return self._load_font_data(fp, image)

    def _load_font_data(self, file, image) -> None:
        self.info = file.readline().strip()
        image.load()
        self.font = image.im
