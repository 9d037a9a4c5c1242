import os
from functools import lru_cache

from .tokenizer_base import BaseTokenizer

MODEL_DIR = os.path.expanduser("~/.bleukit/models")
SPM_MODELS = {"spm": "flores101.model", "flores200": "flores200.model"}


class TokenizerSPM(BaseTokenizer):
    def __init__(self, key: str = "spm") -> None:
        import sentencepiece

        self.name = key
        self.sp = sentencepiece.SentencePieceProcessor()
        self.sp.Load(os.path.join(MODEL_DIR, SPM_MODELS[key]))
        # A cache per tokenizer, keyed by line only, that goes away with the tokenizer.
        self._cached_tokenize = lru_cache(maxsize=2 ** 16)(self._tokenize)

    def signature(self) -> str:
        return self.name

    def _tokenize(self, line: str) -> str:
        return " ".join(self.sp.EncodeAsPieces(line))

    def __call__(self, line: str) -> str:
        return self._cached_tokenize(line)


class Flores200Tokenizer(TokenizerSPM):
    def __init__(self) -> None:
        super().__init__("flores200")
