from __future__ import annotations

import os

from PIL import Image


class BitmapFont:
    def _load_font(self, filename: str) -> None:
        with open(filename, "rb") as fp:
            image = None
            for ext in (".png", ".gif", ".pbm"):
                if image:
                    image.close()
                try:
                    fullname = os.path.splitext(filename)[0] + ext
                    image = Image.open(fullname)
                except Exception:
                    pass
                else:
                    if image and image.mode in ("1", "L"):
                        break
            else:
                if image:
                    image.close()
                raise OSError("cannot find glyph data file")

            self.file = fullname
            self._load_font_data(fp, image)
            image.close()

    def _load_font_data(self, file, image) -> None:
        self.info = file.readline().strip()
        image.load()
        self.font = image.im
