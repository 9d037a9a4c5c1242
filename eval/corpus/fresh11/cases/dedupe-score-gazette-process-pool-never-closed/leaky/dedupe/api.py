from dedupe import core


class GazetteerMatching(object):
    def __init__(self, data_model, classifier, num_cores=1):
        self.data_model = data_model
        self.classifier = classifier
        self.num_cores = num_cores

    def _blockedPairs(self, blocks):
        for block in blocks:
            yield block

    def _cluster(self, matches, n_matches=1):
        return [pair for scored in matches for pair in scored[:n_matches]]

    def matchBlocks(self, blocks, threshold=.5, *args, **kwargs):
        candidate_records = self._blockedPairs(blocks)

        matches = core.scoreGazette(candidate_records,
                                    self.data_model,
                                    self.classifier,
                                    self.num_cores,
                                    threshold=threshold)

        return self._cluster(matches, *args, **kwargs)
