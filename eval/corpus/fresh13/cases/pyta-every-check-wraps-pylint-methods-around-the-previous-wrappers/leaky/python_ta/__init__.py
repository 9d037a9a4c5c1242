from typing import Any, Iterable

from astroid import MANAGER

from .patches import patch_all


def reset_linter(config: Any = None) -> Any:
    from pylint.lint import PyLinter

    return PyLinter()


def _check(files: Iterable[str], reporter: Any, local_config: Any = None) -> Any:
    MANAGER.clear_cache()
    linter = reset_linter(config=local_config)
    patch_all()  # LEAK
    for file_py in files:
        linter = reset_linter(config=local_config)
        linter.set_reporter(reporter)
        linter.check([file_py])
        reporter.print_messages()
        reporter.reset_messages()
    return reporter


def check_all(files: Iterable[str], reporter: Any, config: Any = None) -> Any:
    return _check(files, reporter, config)
