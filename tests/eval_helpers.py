"""What the eval tests share: eval/ scripts loaded as modules, and a throwaway case writer."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_eval_script(stem: str) -> ModuleType:
    """``eval/<stem>.py`` is a script, not a package module: load it by path, once per process."""
    name = f"leaklint_eval_{stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "eval" / f"{stem}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_recall() -> ModuleType:
    return load_eval_script("recall")


def write_case(root: Path, case_id: str, manifest: str, leaky: str = "a = 1\nb = 2  # LEAK\n",
               fixed: str = "a = 1\nb = 3\n", expected: str = "LKL3") -> Path:
    """A minimal leak case under ``root/cases/<case_id>`` with extra manifest lines."""
    folder = root / "cases" / case_id
    folder.mkdir(parents=True)
    (folder / "case.toml").write_text(
        f'project = "x/y"\nurl = "https://github.com/x/y/pull/1"\nfamily = "demo"\nexpected = ["{expected}"]\n'
        'description = "d"\n' + manifest
    )
    (folder / "leaky.py").write_text(leaky)
    (folder / "fixed.py").write_text(fixed)
    return folder
