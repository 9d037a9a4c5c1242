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

        closed = self.source.closed
        if closed:
            # a Django file object knows how to reopen itself once closed
            self.source.open()

        try:
            img = open_image(self.source)
            new_image = process_image(img, processors=self.processors, format=self.format,
                                      autoconvert=self.autoconvert, options=self.options)
        finally:
            if closed:
                # close the file only if it was opened here
                self.source.close()
        return new_image
