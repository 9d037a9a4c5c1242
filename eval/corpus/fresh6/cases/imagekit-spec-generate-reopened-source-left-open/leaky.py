from __future__ import annotations

from io import BytesIO
from typing import Sequence

from PIL import Image


class MissingSource(ValueError):
    pass


def open_image(target):
    target.seek(0)
    return Image.open(BytesIO(target.read()))


def process_image(img, processors: Sequence = (), format: str | None = None, autoconvert: bool = True, options=None):
    for processor in processors:
        img = processor.process(img)
    return img


class ImageSpec:
    processors: Sequence = ()
    format = None
    autoconvert = True
    options = None

    def __init__(self, source) -> None:
        self.source = source

    def generate(self):
        if not self.source:
            raise MissingSource("The spec '%s' has no source file associated with it." % self)

        file_opened_locally = False
        try:
            img = open_image(self.source)
        except ValueError:
            # Re-open the file -- https://code.djangoproject.com/ticket/13750
            self.source.open()  # LEAK
            file_opened_locally = True
            img = open_image(self.source)

        new_image = process_image(img, processors=self.processors, format=self.format,
                                  autoconvert=self.autoconvert, options=self.options)
        if file_opened_locally:
            self.source.close()
        return new_image
