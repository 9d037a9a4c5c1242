from typing import Callable, Dict

from .tokenizer_base import BaseTokenizer
from .tokenizer_spm import Flores200Tokenizer, TokenizerSPM

TOKENIZERS: Dict[str, Callable[[], BaseTokenizer]] = {
    "none": BaseTokenizer,
    "spm": TokenizerSPM,
    "flores200": Flores200Tokenizer,
}
