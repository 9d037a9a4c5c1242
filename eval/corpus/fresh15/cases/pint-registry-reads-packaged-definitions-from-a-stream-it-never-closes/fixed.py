from contextlib import closing
from io import StringIO
from typing import Dict, Iterable, Union

import pkg_resources


class DefinitionSyntaxError(ValueError):
    def __init__(self, msg: str, filename: Union[str, None] = None, lineno: Union[int, None] = None) -> None:
        super().__init__(msg)
        self.filename = filename
        self.lineno = lineno


class UnitRegistry:
    def __init__(self, filename: str = "", load_default: bool = True) -> None:
        self._units: Dict[str, str] = {}
        if load_default:
            self.load_definitions("default_en.txt", is_resource=True)
        if filename:
            self.load_definitions(filename)

    def define(self, name: str, definition: str) -> None:
        if name in self._units:
            raise DefinitionSyntaxError("%s is already defined" % name)
        self._units[name] = definition

    def load_definitions(self, file: Union[str, Iterable[str]], is_resource: bool = False) -> None:
        """Add the units and prefixes of a definition file (a name or lines)."""
        if isinstance(file, str):
            try:
                if is_resource:
                    with closing(pkg_resources.resource_stream(__name__, file)) as fp:
                        rbytes = fp.read()
                    return self.load_definitions(StringIO(rbytes.decode("utf-8")), is_resource)
                with open(file, encoding="utf-8") as fp:
                    return self.load_definitions(fp, is_resource)
            except DefinitionSyntaxError as e:
                if e.filename is None:
                    e.filename = file
                raise
            except Exception as e:
                raise ValueError("While opening %s\n%s" % (file, e))

        for no, line in enumerate(file, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if "=" not in line:
                raise DefinitionSyntaxError("missing '=' in %r" % line, lineno=no)
            name, definition = (part.strip() for part in line.split("=", 1))
            self.define(name, definition)
