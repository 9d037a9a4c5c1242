from __future__ import annotations

from os import getcwd, makedirs, path


class Page:
    def __init__(self, name: str) -> None:
        self.name = name
        self.objects: list = []

    @property
    def xml(self) -> str:
        cells = "".join(obj.xml for obj in self.objects)
        return f'<diagram name="{self.name}"><mxGraphModel><root>{cells}</root></mxGraphModel></diagram>'


class File:
    def __init__(self, file_name: str = "Drawpyo Diagram.drawio", file_path: str = "") -> None:
        self.file_name = file_name
        self.file_path = file_path or path.join(getcwd(), "Drawpyo Charts")
        self.pages: list = []

    @property
    def xml(self) -> str:
        xml_string = '<mxfile host="Drawpyo">'
        for diag in self.pages:
            xml_string = xml_string + "\n  " + diag.xml
        return xml_string + "\n</mxfile>"

    def write(self, **kwargs) -> str:
        """Write the file to disk at the path and name specified."""
        self.file_path = kwargs.get("file_path", self.file_path)
        self.file_name = kwargs.get("file_name", self.file_name)
        write_mode = "w" if kwargs.get("overwrite", True) else "x"

        if not path.exists(self.file_path):
            makedirs(self.file_path)

        f = open(path.join(self.file_path, self.file_name), write_mode, encoding="utf-8")  # LEAK
        f.write(self.xml)
        f.close  # LEAK

        return path.join(self.file_path, self.file_name)
