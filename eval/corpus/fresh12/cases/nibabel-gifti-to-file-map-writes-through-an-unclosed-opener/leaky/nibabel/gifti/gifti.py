from nibabel.fileholders import FileHolder


class GiftiImage:
    def __init__(self, darrays=None, meta=None) -> None:
        self.darrays = list(darrays or [])
        self.meta = dict(meta or {})
        self.file_map = {"image": FileHolder()}

    def to_xml(self) -> bytes:
        body = "".join("<DataArray>%s</DataArray>" % (d,) for d in self.darrays)
        return ("<GIFTI>%s</GIFTI>" % body).encode("utf-8")

    def to_file_map(self, file_map=None) -> None:
        if file_map is None:
            file_map = self.file_map
        f = file_map["image"].get_prepare_fileobj("wb")  # LEAK
        f.write(self.to_xml())

    def to_filename(self, filename) -> None:
        self.file_map = {"image": FileHolder(filename=filename)}
        self.to_file_map()
