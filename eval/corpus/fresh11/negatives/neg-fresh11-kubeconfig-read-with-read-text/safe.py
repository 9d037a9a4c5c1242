import logging
from pathlib import Path
from typing import Tuple

import yaml

log = logging.getLogger(__name__)


def load_kubeconfig(path: Path, context: str = "") -> Tuple[dict, bool]:
    try:
        kubeconf = yaml.safe_load(path.read_text())
    except (IOError, PermissionError) as err:
        log.error("%s", err)
        return {}, True
    ctx = context or kubeconf.get("current-context", "")
    matches = [c for c in kubeconf.get("contexts", []) if c.get("name") == ctx]
    if len(matches) != 1:
        return {}, True
    return matches[0]["context"], False
