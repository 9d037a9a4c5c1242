import dataclasses
from pathlib import Path
from typing import Any, Dict, Type, TypeVar, Union

T = TypeVar("T", bound="LoadStoreClass")


class LoadStoreClass:
    """Dataclass mixin that builds an instance from a mapping or a configuration file."""

    @classmethod
    def load(cls: Type[T], data: Dict[str, Any], basefile: Union[Path, None] = None) -> T:
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs = {}
        for key, value in data.items():
            name = key.replace("-", "_")
            if name not in names:
                raise ValueError("unknown key %r in %s" % (key, basefile or "data"))
            kwargs[name] = value
        try:
            return cls(**kwargs)
        except TypeError as e:
            raise ValueError("constructing %s failed: %s" % (cls.__name__, e)) from e

    @classmethod
    def load_from_file(cls: Type[T], file: Union[Path, str]) -> T:
        file = Path(file)
        suffix = file.suffix
        if suffix == ".json":
            import json

            with file.open("rb") as opened:
                data = json.load(opened)
        elif suffix == ".toml":
            import tomllib

            with file.open("rb") as opened:
                data = tomllib.load(opened)
        elif suffix in (".yaml", ".yml"):
            try:
                import yaml
            except ImportError:
                raise ValueError("loading YAML files needs the pyyaml package")
            with file.open("rb") as opened:
                data = yaml.safe_load(opened)
        elif suffix in (".diag", ".edn"):
            try:
                import cbor2
                import cbor_diag
            except ImportError:
                raise ValueError("loading EDN files needs cbor-diag and cbor2")
            data = cbor2.loads(cbor_diag.diag2cbor(file.read_text(encoding="utf-8")))
        else:
            raise ValueError("unsupported extension %r" % suffix)
        return cls.load(data, basefile=file)


@dataclasses.dataclass
class ServerSettings(LoadStoreClass):
    bind: str = "::"
    port: int = 5683
    credentials: str = ""
