"""BLEU scoring with pluggable tokenizers."""
