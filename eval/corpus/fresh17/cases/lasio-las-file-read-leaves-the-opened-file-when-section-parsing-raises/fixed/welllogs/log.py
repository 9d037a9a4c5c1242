from typing import Any, Dict, List

from . import sections


class WellLog:
    def __init__(self) -> None:
        self.raw: Dict[str, List[str]] = {}
        self.encoding = "utf-8"

    def read(self, source: Any, policy: str = "default") -> "WellLog":
        handle, self.encoding = sections.open_log(source)
        subs = sections.substitutions(policy)
        try:
            self.raw = sections.read_sections(handle, subs)
        finally:
            if hasattr(handle, "close"):
                handle.close()
        if not self.raw:
            raise KeyError("no ~ sections found; is this a LAS file?")
        return self

    def curve_names(self) -> List[str]:
        return [line.split(".")[0].strip() for line in self.raw.get("C", []) if line.strip()]
