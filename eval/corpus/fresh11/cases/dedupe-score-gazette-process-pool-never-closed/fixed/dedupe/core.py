import functools
import itertools


class ScoreGazette(object):
    def __init__(self, data_model, classifier, threshold):
        self.data_model = data_model
        self.classifier = classifier
        self.threshold = threshold

    def __call__(self, block):
        records = [(record_1, record_2) for ((_, record_1, _), (_, record_2, _)) in block]
        distances = self.data_model.distances(records)
        scores = self.classifier.predict_proba(distances)[:, -1]
        return [pair for pair, score in zip(block, scores) if score > self.threshold]


def peek(records):
    try:
        record = next(records)
    except StopIteration:
        return None, records
    return record, itertools.chain([record], records)


def scoreGazette(records, data_model, classifier, num_cores=1, threshold=0):

    first, records = peek(records)
    if first is None:
        raise ValueError("No records to match")

    imap, pool = appropriate_imap(num_cores)

    score_records = ScoreGazette(data_model, classifier, threshold)

    for scored_pairs in imap(score_records, records):
        yield scored_pairs

    # The underlying processes in the pool should terminate when the
    # pool is garbage collected, but sometimes it takes a while
    # before GC, so do it explicitly here
    pool.close()


def appropriate_imap(num_cores):
    if num_cores < 2:
        imap = map

        # in order to make it simpler to cleanup a pool of processes
        # always return something that we can close
        class MockPool(object):
            def close(self):
                pass
        pool = MockPool()
    else:
        from .backport import Pool
        pool = Pool(processes=num_cores)
        imap = functools.partial(pool.imap_unordered, chunksize=1)

    return imap, pool
