"""``requests.get(url, stream=True)`` holds its pooled connection until the response is read to
the end or closed (acquire entries with ``when-keyword``); without ``stream=True`` it holds none."""

from __future__ import annotations

import textwrap

from leaklint import lint_source


def lkl302(source: str) -> list:  # type: ignore[type-arg]
    return [f for f in lint_source(textwrap.dedent(source), "client.py") if f.code == "LKL302"]


def test_streamed_response_left_open_when_the_loop_stops_early() -> None:
    # gnippy (fresh9): the worker breaks out of iter_lines() on stop and returns
    (finding,) = lkl302(
        """
        import requests

        def run(url, stopped):
            r = requests.get(url, stream=True)
            for line in r.iter_lines():
                if stopped():
                    break
        """
    )
    assert finding.line == 5 and "with requests.get(url, stream=True) as r:" in finding.suggestion


def test_unstreamed_managed_returned_or_other_get_is_quiet() -> None:
    assert not lkl302(
        """
        import requests

        def body(url):
            return requests.get(url).json()

        def managed(url):
            with requests.get(url, stream=True) as r:
                return r.raw.read()

        def handed(url):
            return requests.get(url, stream=True)

        def flagged(url, streaming):
            r = requests.post(url, stream=streaming)
            return r.status_code

        def lookup(table, key):
            return table.get(key, stream=True)
        """
    )
