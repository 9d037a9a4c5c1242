from __future__ import annotations

import typing as t
from tempfile import SpooledTemporaryFile
from types import TracebackType

from .datastructures import FileStorage, MultiDict
from .exceptions import RequestEntityTooLarge
from .sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder, NeedData


def default_stream_factory(total_content_length, content_type, filename, content_length=None):
    return SpooledTemporaryFile(max_size=1024 * 500, mode="rb+")


def _chunk_iter(read, size):
    while True:
        data = read(size)
        if not data:
            break
        yield data
    yield None


class FormDataParser:
    def __init__(self, stream_factory=None, max_form_memory_size=None, max_form_parts=None, cls=None):
        self.stream_factory = stream_factory or default_stream_factory
        self.max_form_memory_size = max_form_memory_size
        self.max_form_parts = max_form_parts
        self.cls = cls or MultiDict

    def _parse_multipart(self, stream, mimetype, content_length, options):
        boundary = options.get("boundary", "").encode("ascii")

        if not boundary:
            raise ValueError("Missing boundary")

        parser = MultiPartParser(
            stream_factory=self.stream_factory,
            max_form_memory_size=self.max_form_memory_size,
            max_form_parts=self.max_form_parts,
            cls=self.cls,
        )
        form, files = parser.parse(stream, boundary, content_length)
        return stream, form, files


class MultiPartParser:
    def __init__(self, stream_factory=None, max_form_memory_size=None, max_form_parts=None,
                 cls=None, buffer_size=64 * 1024):
        self.max_form_memory_size = max_form_memory_size
        self.max_form_parts = max_form_parts
        self.stream_factory = stream_factory or default_stream_factory
        self.cls = cls or MultiDict
        self.buffer_size = buffer_size

    def start_file_streaming(self, event: File, total_content_length: int | None) -> t.IO[bytes]:
        content_type = event.headers.get("content-type")
        content_length = int(event.headers.get("content-length", 0) or 0)
        container = self.stream_factory(  # LEAK
            total_content_length=total_content_length,
            filename=event.filename,
            content_type=content_type,
            content_length=content_length,
        )
        return container

    def parse(self, stream, boundary: bytes, content_length: int | None):
        parser = MultipartDecoder(boundary, max_form_memory_size=self.max_form_memory_size,
                                  max_parts=self.max_form_parts)
        fields = []
        files = []
        field_size = None

        for data in _chunk_iter(stream.read, self.buffer_size):
            parser.receive_data(data)
            event = parser.next_event()
            while not isinstance(event, (Epilogue, NeedData)):
                if isinstance(event, Field):
                    current_part = event
                    field_size = 0
                    container = []
                    _write = container.append
                elif isinstance(event, File):
                    current_part = event
                    field_size = None
                    container = self.start_file_streaming(event, content_length)
                    _write = container.write
                elif isinstance(event, Data):
                    if self.max_form_memory_size is not None and field_size is not None:
                        field_size += len(event.data)
                        if field_size > self.max_form_memory_size:
                            raise RequestEntityTooLarge()

                    _write(event.data)
                    if not event.more_data:
                        if isinstance(current_part, Field):
                            fields.append((current_part.name, b"".join(container).decode("utf-8", "replace")))
                        else:
                            container.seek(0)
                            files.append((current_part.name, FileStorage(
                                container, current_part.filename, current_part.name,
                                headers=current_part.headers)))

                event = parser.next_event()

        return self.cls(fields), self.cls(files)
