import json
import os
from typing import Any, Dict

KEYWORD_DIR = os.path.join(os.path.dirname(__file__), "keyword_specs")
KEYWORD_SPECS: Dict[str, Any] = {}

for name in ["COMPDAT", "EQUIL", "WCONHIST", "WCONPROD", "WELSEGS", "WELSPECS"]:
    KEYWORD_SPECS[name] = json.load(open(os.path.join(KEYWORD_DIR, name)))  # LEAK
