import json
import os
from typing import Any, Dict

HERE = os.path.dirname(__file__)
TABLES: Dict[str, Any] = {}

for name in ("COMPDAT", "WELSPECS", "EQUIL"):
    with open(os.path.join(HERE, "specs", name), encoding="utf-8") as handle:
        TABLES[name] = json.load(handle)


def load_codes(path: str) -> Dict[str, str]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
