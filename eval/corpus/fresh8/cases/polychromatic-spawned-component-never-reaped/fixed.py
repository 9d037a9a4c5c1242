from __future__ import annotations

import os
import subprocess
from threading import Thread


def launch_component(log, component: str, open_page: str | None = None) -> bool:
    """Run another program of the suite, e.g. "controller" runs "rgbsuite-controller"."""
    exec_name = "rgbsuite-" + component
    candidates = [
        os.path.join(os.path.dirname(__file__), exec_name),
        os.path.join(os.path.dirname(__file__), "../" + exec_name),
        "/usr/bin/" + exec_name,
    ]
    for bin_path in candidates:
        args = [bin_path]
        if open_page:
            args += ["--open", open_page]
        if os.path.exists(bin_path):
            log("executing: " + " ".join(args))
            try:
                process = subprocess.Popen(args)
                Thread(target=process.wait, daemon=True).start()
            except Exception:
                pass
            return True
    return False


class ComponentManager:
    def __init__(self, component: str, components: dict) -> None:
        self.component = component
        self.components = components

    def start_component(self, parameters: list | None = None) -> bool:
        if self.component not in self.components:
            return False
        bin_path = self.components[self.component]
        arguments = [bin_path] + list(parameters or [])
        try:
            process = subprocess.Popen(arguments)
            Thread(target=process.wait, daemon=True).start()
            return True
        except Exception as exc:
            print("failed to start process: " + " ".join(arguments), exc)
            return False
