import os
from typing import Any, Iterable

from astroid import MANAGER

from .patches import patch_all

# pylint is patched once per process: patching again would wrap the previous wrappers
PYLINT_PATCHED = False


def reset_linter(config: Any = None) -> Any:
    from pylint.lint import PyLinter

    return PyLinter()


def _check(files: Iterable[str], reporter: Any, local_config: Any = None) -> Any:
    global PYLINT_PATCHED
    linter = reset_linter(config=local_config)
    if not PYLINT_PATCHED:
        patch_all()
        PYLINT_PATCHED = True
    for file_py in files:
        linter = reset_linter(config=local_config)
        linter.set_reporter(reporter)
        module_name = os.path.splitext(os.path.basename(file_py))[0]
        if module_name in MANAGER.astroid_cache:
            del MANAGER.astroid_cache[module_name]
        linter.check([file_py])
        reporter.print_messages()
        reporter.reset_messages()
    return reporter


def check_all(files: Iterable[str], reporter: Any, config: Any = None) -> Any:
    return _check(files, reporter, config)
