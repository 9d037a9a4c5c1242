import weakref
from functools import reduce
from typing import Any, Dict, List


class ScriptConsole:
    def __init__(self) -> None:
        self.locals: Dict[str, Any] = {}

    def update_locals(self, values: Dict[str, Any]) -> None:
        self.locals.update(values)

    def run(self, source: str) -> None:
        exec(compile(source, "<script>", "exec"), self.locals)


class PythonScriptWidget:
    signal_names = ("data", "learner", "object")

    # Script widgets of one workflow share a namespace, looked up by the workflow's signal manager;
    # a closed workflow's manager and namespace go away with it.
    shared_namespaces: "weakref.WeakKeyDictionary[Any, Dict[str, Any]]" = weakref.WeakKeyDictionary()

    def __init__(self, signal_manager: Any) -> None:
        self.signal_manager = signal_manager
        self.console = ScriptConsole()
        self.script_text = ""
        self.inputs: Dict[str, Dict[Any, Any]] = {name: {} for name in self.signal_names}
        self.outputs: Dict[str, Any] = {}

    def initial_locals_state(self) -> Dict[str, Any]:
        namespace = self.shared_namespaces.setdefault(self.signal_manager, {}).copy()
        for name in self.signal_names:
            values: List[Any] = list(self.inputs[name].values())
            namespace["in_" + name + "s"] = values
            namespace["in_" + name] = values[0] if len(values) == 1 else None
        return namespace

    def update_namespace(self, namespace: Dict[str, Any]) -> None:
        not_saved = reduce(set.union, ({"in_%ss" % n, "in_%s" % n, "out_%s" % n} for n in self.signal_names))
        self.shared_namespaces.setdefault(self.signal_manager, {}).update(
            {name: value for name, value in namespace.items() if name not in not_saved}
        )

    def commit(self) -> None:
        local_values = self.initial_locals_state()
        local_values["_script"] = self.script_text
        self.console.update_locals(local_values)
        self.console.run(self.script_text)
        self.update_namespace(self.console.locals)
        for name in self.signal_names:
            self.outputs[name] = self.console.locals.get("out_" + name)
