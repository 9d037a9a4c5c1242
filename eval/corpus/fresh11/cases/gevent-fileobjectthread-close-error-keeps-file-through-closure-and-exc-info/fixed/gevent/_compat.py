import sys


def reraise(t, value, tb=None):  # pylint:disable=unused-argument
    if value.__traceback__ is not tb and tb is not None:
        raise value.with_traceback(tb)
    raise value


def exc_clear():
    pass


PY3 = sys.version_info[0] >= 3
