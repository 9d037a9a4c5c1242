import logging
from typing import Any, Dict, List, Optional

from .log import CheckLogAdapter


class AgentCheck:
    def __init__(self, name: str, instances: Optional[List[Dict[str, Any]]] = None) -> None:
        self.name = name
        self.instances = instances or []
        self.check_id = ""
        self.log = CheckLogAdapter(logging.getLogger(f"checks.{name}"), self)

    def check(self, instance: Dict[str, Any]) -> None:
        raise NotImplementedError

    def run(self) -> str:
        try:
            for instance in self.instances:
                self.check(instance)
            return ""
        except Exception as exc:
            self.log.warning("check failed: %s", exc)
            return str(exc)
