"""LKL212 beyond its fixtures: how often the code runs decides the confidence, and what counts
as a guard, a removal or a handler that is not new."""

from __future__ import annotations

from typing import List, Tuple

from leaklint import lint_source
from leaklint.rule import Confidence


def _found(source: str, path: str = "example.py") -> List[Tuple[int, Confidence]]:
    return [(f.line, f.confidence) for f in lint_source(source, path) if f.code == "LKL212"]


HELPER = """\
import logging


def get_logger(name):
    logger = logging.getLogger(name)
    logger.addHandler(logging.StreamHandler())
    return logger
"""


def test_a_helper_nobody_here_calls_is_medium_and_one_called_per_request_high() -> None:
    assert _found(HELPER) == [(6, Confidence.MEDIUM)]
    per_request = HELPER + "\n\nclass Server:\n    def handle(self, request):\n        get_logger('app').info(request)\n"
    assert _found(per_request) == [(6, Confidence.HIGH)]


def test_a_helper_called_only_at_import_or_from_main_is_quiet() -> None:
    assert _found(HELPER + "\n\nlog = get_logger(__name__)\n") == []
    assert _found(HELPER + "\n\ndef main():\n    get_logger('app')\n") == []


INSTANCE = """\
import logging


class Job:
    def __init__(self, path):
        self.log = logging.getLogger(__name__)
        self.log.addHandler(logging.{handler})
"""


def test_per_instance_is_medium_and_a_file_handler_per_instance_high() -> None:
    assert _found(INSTANCE.format(handler="StreamHandler()")) == [(7, Confidence.MEDIUM)]
    found = lint_source(INSTANCE.format(handler="FileHandler(path)"), "example.py")
    assert [(f.line, f.confidence) for f in found if f.code == "LKL212"] == [(7, Confidence.HIGH)]
    assert "file open" in next(f.message for f in found if f.code == "LKL212")


def test_a_removal_in_the_class_or_a_handlers_reset_silences_it() -> None:
    removed = INSTANCE.format(handler="StreamHandler()") + "\n    def close(self):\n        self.log.handlers = []\n"
    assert _found(removed) == []


def test_the_logging_handlers_module_is_not_a_look_at_the_handlers() -> None:
    source = (
        "import logging\nimport logging.handlers\n\n\ndef get_logger(name):\n    logger = logging.getLogger(name)\n"
        "    logger.addHandler(logging.handlers.WatchedFileHandler('x.log'))\n    return logger\n"
    )
    assert _found(source) == [(7, Confidence.MEDIUM)]


def test_a_logger_that_is_not_from_the_manager_or_a_handler_that_is_not_new_is_quiet() -> None:
    given_logger = "import logging\n\n\ndef attach(logger):\n    logger.addHandler(logging.StreamHandler())\n    return logger\n"
    assert _found(given_logger) == []
    cached_handler = (
        "import logging\n\n_handlers = {}\n\n\ndef get_logger(name):\n    logger = logging.getLogger(name)\n"
        "    handler = _handlers.get(name)\n    if handler is None:\n        handler = logging.StreamHandler()\n"
        "    logger.addHandler(handler)\n    return logger\n"
    )
    assert _found(cached_handler) == []


def test_a_flag_set_by_the_function_guards_it_but_a_parameter_test_does_not() -> None:
    flagged = (
        "import logging\n\nlog = logging.getLogger(__name__)\n\n\nclass App:\n    def run(self):\n"
        "        if not self._logging_ready:\n            log.addHandler(logging.StreamHandler())\n"
        "            self._logging_ready = True\n"
    )
    assert _found(flagged) == []
    by_parameter = (
        "import logging\n\nlog = logging.getLogger(__name__)\n\n\nclass App:\n    def run(self, verbose):\n"
        "        if verbose:\n            log.addHandler(logging.StreamHandler())\n"
    )
    assert _found(by_parameter) == [(9, Confidence.MEDIUM)]


def test_test_modules_are_left_alone() -> None:
    assert _found(HELPER + "\n\ndef test_it():\n    get_logger('x')\n", "tests/test_logs.py") == []


def test_a_logger_from_another_modules_helper_needs_that_modules_facts(tmp_path) -> None:
    from leaklint.runner import lint_paths

    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "log.py").write_text("import logging\n\n\ndef get_logger(name):\n    return logging.getLogger(name)\n")
    worker = (
        "import logging\n\nfrom .log import get_logger\n\n\nclass Worker:\n    def __init__(self, name):\n"
        "        self.log = get_logger(name)\n        self.log.addHandler(logging.StreamHandler())\n"
    )
    (package / "worker.py").write_text(worker)
    assert _found(worker, "pkg/worker.py") == []  # one file alone: the helper is unknown
    found = [f for f in lint_paths([str(package)]).findings if f.code == "LKL212"]
    assert [(f.path.endswith("worker.py"), f.line, f.confidence) for f in found] == [(True, 9, Confidence.MEDIUM)]


def test_the_guard_fix_is_offered_per_call_only_and_for_a_handler_made_in_the_call() -> None:
    def fixable(source: str) -> List[bool]:
        return [f.fix is not None for f in lint_source(source, "example.py") if f.code == "LKL212"]

    assert fixable(HELPER) == [True]
    made_before = HELPER.replace(
        "    logger.addHandler(logging.StreamHandler())\n",
        "    handler = logging.FileHandler(name)\n    logger.addHandler(handler)\n",
    )
    assert fixable(made_before) == [False]
    assert fixable(INSTANCE.format(handler="StreamHandler()")) == [False]


def test_an_object_made_once_at_import_is_quiet_and_one_made_per_call_high() -> None:
    source = INSTANCE.format(handler="StreamHandler()")
    assert _found(source + "\n\nJOB = Job('job.log')\n") == []
    per_call = source + "\n\ndef run(path):\n    Job(path)\n"
    assert _found(per_call) == [(7, Confidence.HIGH)]


def test_a_method_called_only_from_main_is_quiet() -> None:
    source = (
        "import logging\n\nlog = logging.getLogger(__name__)\n\n\nclass App:\n    def configure(self):\n"
        "        log.addHandler(logging.StreamHandler())\n\n    @classmethod\n    def main(cls):\n"
        "        cls().configure()\n"
    )
    assert _found(source) == [(8, Confidence.MEDIUM)]  # ``cls().configure()`` is not matched: unknown callers
    by_self = source.replace("        cls().configure()\n", "        self = cls()\n        self.configure()\n")
    assert _found(by_self) == []


def test_each_call_names_the_handler_that_reaches_it() -> None:
    # `h` is a file handler in the first `if` and a stream handler in the second: the second
    # call must not claim a file is kept open
    source = (
        "import logging\nimport sys\nfrom logging import handlers\n\n\n"
        "def app_logger(stdout=True, path=None):\n    logger = logging.getLogger('app')\n"
        "    if path:\n        h = handlers.RotatingFileHandler(path)\n        logger.addHandler(h)\n"
        "    if stdout:\n        h = logging.StreamHandler(sys.stdout)\n        logger.addHandler(h)\n"
        "    return logger\n"
    )
    messages = {f.line: f.message for f in lint_source(source, "example.py") if f.code == "LKL212"}
    assert sorted(messages) == [10, 13]
    assert "RotatingFileHandler" in messages[10] and "file open" in messages[10]
    assert "StreamHandler" in messages[13] and "file open" not in messages[13]


def test_a_set_up_function_that_returns_the_logger_is_reported_like_any_other() -> None:
    # the name `configure_logger` does not say the function runs once: handlers added per set-up
    # call (per instance, per test) are a leak upstream projects fixed
    source = (
        "import logging\n\n\ndef configure_logger(level=logging.INFO):\n    logger = logging.getLogger('ws')\n"
        "    logger.addHandler(logging.StreamHandler())\n    return logger\n"
    )
    assert [f.line for f in lint_source(source, "example.py") if f.code == "LKL212"] == [6]
    renamed = source.replace("configure_logger", "make_logger")
    assert [f.line for f in lint_source(renamed, "example.py") if f.code == "LKL212"] == [6]


FILTER = """\
import logging

log = logging.getLogger(__name__)


class Connection:
    def __init__(self, password):
        log.addFilter(SecretsFilter(password))
{close}"""


def test_a_new_filter_per_instance_is_medium_and_a_remove_filter_silences_it() -> None:
    assert _found(FILTER.format(close="")) == [(8, Confidence.MEDIUM)]
    removed = "\n    def disconnect(self):\n        log.removeFilter(self.filter)\n"
    assert _found(FILTER.format(close=removed)) == []
    fixes = [f for f in lint_source(FILTER.format(close=""), "example.py") if f.code == "LKL212"]
    assert fixes[0].fix is None  # no `if not log.handlers:` guard for a filter


CONFIGURE = """\
import logging


def configure_logging(level=logging.WARNING):
    logger = logging.getLogger({name})
    logger.addHandler(logging.StreamHandler())
    return logger


configure_logging()
"""


def test_a_public_set_up_run_at_import_is_medium_only_for_a_fixed_logger_name() -> None:
    assert _found(CONFIGURE.format(name="__name__")) == [(6, Confidence.MEDIUM)]
    assert _found(CONFIGURE.format(name='"app"')) == [(6, Confidence.MEDIUM)]
    assert _found(CONFIGURE.replace("level=logging.WARNING", "name").format(name="name").replace(
        "configure_logging()", "configure_logging('app')")) == []
    assert _found(CONFIGURE.format(name="__name__").replace("def configure_logging", "def _configure_logging").replace(
        "\nconfigure_logging()", "\n_configure_logging()")) == []
    script = CONFIGURE.format(name="__name__") + "\n\nif __name__ == '__main__':\n    configure_logging()\n"
    assert _found(script) == []
