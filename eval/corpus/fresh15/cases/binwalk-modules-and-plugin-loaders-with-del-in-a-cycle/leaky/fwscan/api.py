from typing import Any, Dict, List

from .modules.general import General


def scan(*files: str) -> List[Dict[str, Any]]:
    module = General(target_files=list(files))
    module.run()
    return module.results
