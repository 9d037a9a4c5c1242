from dataclasses import dataclass, field
from typing import IO, Any, Dict, List


@dataclass
class RunState:
    sinks: Dict[str, Any] = field(default_factory=dict)
    usage: Dict[str, int] = field(default_factory=dict)
    opened: List[IO[str]] = field(default_factory=list)
