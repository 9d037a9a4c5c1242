import sqlite3
from contextlib import closing, contextmanager
from typing import Any, Iterator, Optional


def open_readonly(path: str) -> sqlite3.Connection:
    return sqlite3.connect("file:%s?mode=ro" % path, uri=True)


def log_prob(path: str, key: str) -> Optional[float]:
    with closing(open_readonly(path)) as conn:
        row = conn.execute("SELECT log_prob FROM ngrams WHERE word_ids = ?", (key,)).fetchone()
    return row[0] if row else None


def send_get(http: Any, url: str) -> Any:
    return http.send(http.build_request("GET", url), stream=True)


@contextmanager
def streamed(http: Any, url: str) -> Iterator[Any]:
    response = send_get(http, url)
    try:
        yield response
    finally:
        response.close()
