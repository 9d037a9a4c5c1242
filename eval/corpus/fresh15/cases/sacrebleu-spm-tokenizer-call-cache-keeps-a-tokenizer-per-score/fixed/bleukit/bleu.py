import math
from collections import Counter
from typing import List, Sequence

from .tokenizers import TOKENIZERS


def _get_tokenizer(name: str):
    return TOKENIZERS[name]


def _ngrams(tokens: List[str], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


class BLEU:
    def __init__(self, tokenize: str = "spm", max_ngram_order: int = 4) -> None:
        self.max_ngram_order = max_ngram_order
        self.tokenizer = _get_tokenizer(tokenize)()

    def sentence_score(self, hypothesis: str, references: Sequence[str]) -> float:
        hyp = self.tokenizer(hypothesis).split()
        refs = [self.tokenizer(r).split() for r in references]
        precisions = []
        for n in range(1, self.max_ngram_order + 1):
            hyp_counts = _ngrams(hyp, n)
            max_ref: Counter = Counter()
            for ref in refs:
                max_ref |= _ngrams(ref, n)
            matches = sum(min(c, max_ref[g]) for g, c in hyp_counts.items())
            precisions.append((matches + 1) / (max(sum(hyp_counts.values()), 0) + 1))
        return 100 * math.exp(sum(math.log(p) for p in precisions) / len(precisions))
