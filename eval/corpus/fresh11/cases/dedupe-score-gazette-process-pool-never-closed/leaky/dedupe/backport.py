import platform

MULTIPROCESSING = platform.system() != 'Windows'

if MULTIPROCESSING:
    from multiprocessing import Pool, Process, Queue
else:
    from multiprocessing.dummy import Pool, Process, Queue  # noqa: F401
