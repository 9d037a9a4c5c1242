from __future__ import annotations

import json


class Errors(list):
    """Holds Request errors"""

    def __init__(self, status: int = 400) -> None:
        self.status = status
        super().__init__()

    def add(self, location: str, name: str = "", description: str = "", **kw) -> None:
        self.append(dict(location=location, name=name, description=description, **kw))

    def to_json(self) -> str:
        return json.dumps({"status": "error", "errors": list(self)})
