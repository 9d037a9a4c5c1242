from contextlib import contextmanager
from typing import Any, Iterator, Optional, Tuple


class ExecutePreprocessor:
    startup_timeout = 60
    shutdown_kernel = "graceful"
    extra_arguments: list = []

    def start_new_kernel(self, **kwargs: Any) -> Tuple[Any, Any]:
        from jupyter_client.manager import start_new_kernel

        return start_new_kernel(startup_timeout=self.startup_timeout, **kwargs)

    @contextmanager
    def setup_preprocessor(self, nb: Any, resources: dict, km: Optional[Any] = None, **kwargs: Any) -> Iterator[Tuple[Any, Any, Any]]:
        self.nb = nb
        if km is None:
            self.km, self.kc = self.start_new_kernel(**kwargs)
            try:
                yield nb, self.km, self.kc
            finally:
                self.kc.stop_channels()
                self.km.shutdown_kernel(now=self.shutdown_kernel == "immediate")
                for attr in ["nb", "km", "kc"]:
                    delattr(self, attr)
        else:
            self.km = km
            if not km.has_kernel:
                km.start_kernel(extra_arguments=self.extra_arguments, **kwargs)
            self.kc = km.client()
            self.kc.start_channels()  # LEAK
            try:
                self.kc.wait_for_ready(timeout=self.startup_timeout)
            except RuntimeError:
                self.kc.stop_channels()
                raise
            self.kc.allow_stdin = False
            try:
                yield nb, self.km, self.kc
            finally:
                for attr in ["nb", "km", "kc"]:
                    delattr(self, attr)

    def preprocess(self, nb: Any, resources: Optional[dict] = None, km: Optional[Any] = None) -> Tuple[Any, dict]:
        resources = resources or {}
        with self.setup_preprocessor(nb, resources, km=km):
            for index, cell in enumerate(nb.cells):
                self.preprocess_cell(cell, resources, index)
        return nb, resources

    def preprocess_cell(self, cell: Any, resources: dict, index: int) -> None:
        if cell.cell_type == "code":
            self.kc.execute(cell.source)
