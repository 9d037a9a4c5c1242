import gzip


class FileHolderError(Exception):
    pass


class ImageOpener:
    def __init__(self, fileish, *args, **kwargs) -> None:
        if hasattr(fileish, "read") or hasattr(fileish, "write"):
            self.fobj = fileish
            self.me_opened = False
        else:
            opener = gzip.open if str(fileish).endswith(".gz") else open
            self.fobj = opener(fileish, *args, **kwargs)
            self.me_opened = True

    def seek(self, pos: int) -> None:
        self.fobj.seek(pos)

    def write(self, data: bytes) -> int:
        return self.fobj.write(data)

    def close_if_mine(self) -> None:
        if self.me_opened:
            self.fobj.close()

    def __enter__(self) -> "ImageOpener":
        return self

    def __exit__(self, exc_type, exc_val, exc_tb) -> None:
        self.close_if_mine()


class FileHolder:
    def __init__(self, filename=None, fileobj=None, pos: int = 0) -> None:
        self.filename = filename
        self.fileobj = fileobj
        self.pos = pos

    def get_prepare_fileobj(self, *args, **kwargs) -> ImageOpener:
        if self.fileobj is not None:
            obj = ImageOpener(self.fileobj)
            obj.seek(self.pos)
        elif self.filename is not None:
            obj = ImageOpener(self.filename, *args, **kwargs)
            if self.pos != 0:
                obj.seek(self.pos)
        else:
            raise FileHolderError("No filename or fileobj present")
        return obj
