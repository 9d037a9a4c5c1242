from typing import Any, List

from ..core.module import Module


class General(Module):
    name = "general"

    def __init__(self, **kwargs: Any) -> None:
        self.target_files: List[str] = []
        super().__init__(**kwargs)

    def reset(self) -> None:
        pass

    def __del__(self) -> None:  # LEAK
        self._cleanup()

    def __exit__(self, *exc: Any) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        pass

    def run(self) -> bool:
        for path in self.target_files:
            self.result(file=path, description="queued")
        return True
