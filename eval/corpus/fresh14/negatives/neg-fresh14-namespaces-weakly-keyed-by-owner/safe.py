import weakref
from typing import Any, Dict


class ScriptWidget:
    shared_namespaces: "weakref.WeakKeyDictionary[Any, Dict[str, Any]]" = weakref.WeakKeyDictionary()

    def __init__(self, workflow: Any) -> None:
        self.workflow = workflow

    def namespace(self) -> Dict[str, Any]:
        return self.shared_namespaces.setdefault(self.workflow, {})

    def run(self, source: str) -> None:
        namespace = dict(self.namespace())
        exec(compile(source, "<script>", "exec"), namespace)
        self.namespace().update({k: v for k, v in namespace.items() if not k.startswith("__")})
