from dataclasses import dataclass, field
from typing import Any, Dict


@dataclass
class RunState:
    sinks: Dict[str, Any] = field(default_factory=dict)
    usage: Dict[str, int] = field(default_factory=dict)
