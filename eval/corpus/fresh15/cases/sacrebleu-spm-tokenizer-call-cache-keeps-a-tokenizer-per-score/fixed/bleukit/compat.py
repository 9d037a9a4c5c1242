from typing import Sequence

from .bleu import BLEU


def sentence_bleu(hypothesis: str, references: Sequence[str], tokenize: str = "spm") -> float:
    """Each call builds its own metric, and with it its own tokenizer."""
    metric = BLEU(tokenize=tokenize)
    return metric.sentence_score(hypothesis, references)
