from __future__ import annotations

import traceback
from typing import Optional

_yaml_import_error: Optional[str] = None
try:
    import yaml  # noqa: F401
except ImportError:
    _yaml_import_error = traceback.format_exc()


def load_yaml(text: str) -> object:
    if _yaml_import_error is not None:
        raise RuntimeError("PyYAML is required to read YAML files:\n" + _yaml_import_error)
    return yaml.safe_load(text)
