import importlib.util
import os
from typing import Any, Dict, List


class Plugin:
    MODULES: List[str] = []

    def __init__(self, module: Any) -> None:
        self.module = module
        self.enabled = not self.MODULES or module.name in self.MODULES
        if self.enabled:
            self.init()

    def init(self) -> None:
        pass

    def scan(self, result: Dict[str, Any]) -> None:
        pass


class Plugins:
    """Loads the plugins for one module and dispatches its results to them."""

    def __init__(self, parent: Any) -> None:
        self.parent = parent  # LEAK
        self.scan: List[Any] = []
        self.path = os.path.expanduser("~/.fwscan/plugins")

    def __del__(self) -> None:  # LEAK
        pass

    def __enter__(self) -> "Plugins":
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def load_plugins(self) -> None:
        if not os.path.isdir(self.path):
            return
        for file_name in sorted(os.listdir(self.path)):
            if not file_name.endswith(".py"):
                continue
            spec = importlib.util.spec_from_file_location(file_name[:-3], os.path.join(self.path, file_name))
            if spec is None or spec.loader is None:
                continue
            source = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(source)
            plugin_class = getattr(source, "PLUGIN", None)
            if plugin_class is not None:
                plugin = plugin_class(self.parent)
                if plugin.enabled:
                    self.scan.append(plugin.scan)

    def scan_callbacks(self, result: Dict[str, Any]) -> None:
        for callback in self.scan:
            callback(result)
