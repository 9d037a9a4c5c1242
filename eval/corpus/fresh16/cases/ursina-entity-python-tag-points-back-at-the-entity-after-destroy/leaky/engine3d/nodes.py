from typing import Any, Dict, List, Optional


class PandaNode:
    # stands for the native node: its tag table is invisible to the cyclic collector
    def __init__(self, name: str) -> None:
        self.name = name
        self.python_tags: Dict[str, Any] = {}
        self.children: List["PandaNode"] = []


class NodePath:
    def __init__(self, name: str = "node") -> None:
        self.node: Optional[PandaNode] = PandaNode(name)

    def setPythonTag(self, key: str, value: Any) -> None:
        assert self.node is not None
        self.node.python_tags[key] = value

    def getPythonTag(self, key: str) -> Any:
        return self.node.python_tags.get(key) if self.node is not None else None

    def hasPythonTag(self, key: str) -> bool:
        return self.node is not None and key in self.node.python_tags

    def clearPythonTag(self, key: str) -> None:
        if self.node is not None:
            self.node.python_tags.pop(key, None)

    def removeNode(self) -> None:
        self.node = None
