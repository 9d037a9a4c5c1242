from __future__ import annotations

import subprocess
from typing import Any, Callable


def _run(command: list[str], **dargs: Any) -> str:
    uri = dargs.get("uri")
    prefix = ["virsh"] + (["-c", uri] if uri else [])
    return subprocess.run(prefix + command, capture_output=True, text=True, check=False).stdout


def domstate(name: str, **dargs: Any) -> str:
    return _run(["domstate", name], **dargs)


def start(name: str, **dargs: Any) -> str:
    return _run(["start", name], **dargs)


COMMANDS: dict[str, Callable[..., str]] = {"domstate": domstate, "start": start}


class VirshClosure:
    """Calls a module function with the instance's settings as keyword arguments."""

    def __init__(self, ref_func: Callable[..., str], dict_like_instance: dict) -> None:
        self.ref_func = ref_func
        self.dict_like_instance = dict_like_instance

    def __call__(self, *args: Any, **dargs: Any) -> str:
        merged = dict(self.dict_like_instance)
        merged.update(dargs)
        return self.ref_func(*args, **merged)


class Virsh(dict):
    def __init__(self, **dargs: Any) -> None:
        super().__init__(**dargs)
        # the closures read a separate settings dict, not the instance itself
        closure_args = dict(dargs)
        object.__setattr__(self, "_closure_args", closure_args)
        for name, func in COMMANDS.items():
            object.__setattr__(self, name, VirshClosure(func, closure_args))

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self._closure_args[key] = value


class VirshPersistent(Virsh):
    _sessions: dict[int, subprocess.Popen] = {}

    def __init__(self, **dargs: Any) -> None:
        super().__init__(**dargs)
        shell = subprocess.Popen(["virsh"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self["session_id"] = shell.pid
        VirshPersistent._sessions[shell.pid] = shell

    def __del__(self) -> None:
        shell = VirshPersistent._sessions.pop(self.get("session_id"), None)
        if shell is not None:
            shell.terminate()
            shell.wait()
