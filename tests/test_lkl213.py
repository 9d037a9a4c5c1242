"""LKL213: loggers named per object, and the code that takes them back or only hands them out."""

from __future__ import annotations

from conftest import findings_by_line

_PER_OBJECT = (
    "import logging\n\n\nclass Log:\n    def __init__(self, log_id):\n        self.log_id = log_id\n"
    "        self.logger = logging.getLogger('pkg.ndb.%s' % self.log_id)\n"
)


def test_a_logger_per_object_is_reported() -> None:
    assert list(findings_by_line(_PER_OBJECT, "LKL213", "strict")) == [7]


def test_a_module_that_purges_its_loggers_from_the_manager_is_left_alone() -> None:
    # pyroute2's ndb Log.close() deletes every 'pyroute2.ndb.<id>*' logger (sample 14, judged false)
    purged = _PER_OBJECT + (
        "\n    def close(self):\n        manager = self.logger.manager\n"
        "        for name in [n for n in manager.loggerDict if n.startswith(self.logger.name)]:\n"
        "            del manager.loggerDict[name]\n"
    )
    assert findings_by_line(purged, "LKL213", "strict") == {}


def test_a_factory_naming_the_logger_after_its_star_argument_is_left_to_its_callers() -> None:
    # structlog's LoggerFactory.__call__ (sample 16, judged false)
    source = (
        "import logging\n\n\nclass LoggerFactory:\n    def __call__(self, *args):\n        if args:\n"
        "            return logging.getLogger(args[0])\n        return logging.getLogger()\n"
    )
    assert findings_by_line(source, "LKL213", "strict") == {}
