import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Union

from .db import open_readonly_cursor

UNKNOWN_WORD = -20.0


@dataclass
class NgramScorer:
    order: int
    word_ids: Dict[str, str]
    path: Union[str, Path]

    def score(self, tokens: Iterable[str]) -> float:
        _conn: Optional[sqlite3.Connection] = None
        cur: Optional[sqlite3.Cursor] = None
        total = 0.0
        seen: List[str] = []
        for word in tokens:
            hit = False
            for n in range(self.order, 0, -1):
                prefix = seen[-(n - 1):] if n > 1 else []
                ids = [self.word_ids.get(w) for w in prefix]
                if any(i is None for i in ids):
                    continue
                prefix_key = " ".join(i for i in ids if i is not None)
                word_id = self.word_ids.get(word)
                if word_id is not None:
                    if cur is None:
                        _conn, cur = open_readonly_cursor(self.path)  # LEAK
                    key = (prefix_key + " " + word_id).strip()
                    cur.execute("SELECT log_prob FROM ngrams WHERE word_ids = ?", (key,))
                    row = cur.fetchone()
                    if row:
                        total += row[0]
                        hit = True
                        break
                if cur is None:
                    _conn, cur = open_readonly_cursor(self.path)  # LEAK
                cur.execute("SELECT backoff FROM ngrams WHERE word_ids = ?", (prefix_key,))
                row = cur.fetchone()
                if row and row[0] is not None:
                    total += row[0]
            if not hit:
                total += UNKNOWN_WORD
            seen.append(word)
        return total
