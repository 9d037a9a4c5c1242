from typing import Any, Callable, Dict, List, Optional

from .protocol import display as protocol_display


class Resource:
    def __init__(self, display: Any, rid: int) -> None:
        self.display = display
        self.id = rid


class Window(Resource):
    pass


class Colormap(Resource):
    pass


_resource_baseclasses: Dict[str, type] = {"resource": Resource, "window": Window, "colormap": Colormap}
_resource_hierarchy = {"resource": ("window", "colormap")}


class _BaseDisplay(protocol_display.Display):
    resource_classes = _resource_baseclasses.copy()

    def __init__(self, *args: Any, **keys: Any) -> None:
        protocol_display.Display.__init__(self, *args, **keys)
        self._atom_cache: Dict[str, int] = {}


class Display:
    def __init__(self, display: Optional[str] = None, extensions: Optional[List[Any]] = None) -> None:
        self.display = _BaseDisplay(display)
        self.extensions: List[str] = []
        self.class_extension_dicts: Dict[str, Dict[str, Callable[..., Any]]] = {}
        self.display_extension_methods: Dict[str, Callable[..., Any]] = {}
        for major, mod in enumerate(extensions or [], start=128):
            self.display.set_extension_major(mod.NAME, major)
            mod.init(self)
            self.extensions.append(mod.NAME)
        # Finalise the extensions by deriving a class per resource type.
        for class_name, methods in self.class_extension_dicts.items():
            origcls = self.display.resource_classes[class_name]
            self.display.resource_classes[class_name] = type(origcls.__name__, (origcls,), methods)  # LEAK
        for screen in self.display.info.roots:
            screen.root = self.display.resource_classes["window"](self.display, screen.root.id)
            screen.default_colormap = self.display.resource_classes["colormap"](self.display, screen.default_colormap.id)

    def extension_add_method(self, obj: str, name: str, function: Callable[..., Any]) -> None:
        if obj == "display":
            self.display_extension_methods[name] = function
            return
        for class_name in (obj,) + _resource_hierarchy.get(obj, ()):
            self.class_extension_dicts.setdefault(class_name, {})[name] = function

    def close(self) -> None:
        self.display.close()
