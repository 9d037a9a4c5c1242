from typing import Any, Callable, Dict, List, Optional


class Theme:
    """A list of segments whose functions are imported on demand."""

    def __init__(self, theme_config: Dict[str, Any], get_module_attr: Callable[..., Any], pl: Any) -> None:
        self.pl = pl
        self.get_module_attr = get_module_attr
        self.segments: List[Callable[..., Any]] = []
        for segment in theme_config.get("segments", []):
            func: Optional[Callable[..., Any]] = get_module_attr(segment["module"], segment["name"])
            if func is not None:
                self.segments.append(func)

    def render(self, **kwargs: Any) -> str:
        return " ".join(str(func(**kwargs)) for func in self.segments)
