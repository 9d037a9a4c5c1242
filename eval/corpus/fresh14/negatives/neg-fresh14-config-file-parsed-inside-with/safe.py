import json
from pathlib import Path
from typing import Any, Dict, Union


def load_settings(path: Union[str, Path]) -> Dict[str, Any]:
    path = Path(path)
    if path.suffix != ".json":
        raise ValueError("unsupported extension %r" % path.suffix)
    with path.open("rb") as opened:
        return json.load(opened)
