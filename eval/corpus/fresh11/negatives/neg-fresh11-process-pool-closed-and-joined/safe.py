import functools
from multiprocessing import Pool


def score_pairs(records, scorer, num_cores=1):
    if num_cores < 2:
        yield from map(scorer, records)
        return
    pool = Pool(processes=num_cores)
    try:
        imap = functools.partial(pool.imap_unordered, chunksize=1)
        for scored in imap(scorer, records):
            yield scored
    finally:
        pool.close()
        pool.join()
