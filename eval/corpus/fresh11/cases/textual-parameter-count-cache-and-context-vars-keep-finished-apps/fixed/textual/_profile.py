import contextlib
from time import perf_counter


@contextlib.contextmanager
def timer(subject: str = "time"):
    """print the elapsed time (only used in development)"""
    start = perf_counter()
    yield
    elapsed = perf_counter() - start
    del elapsed
