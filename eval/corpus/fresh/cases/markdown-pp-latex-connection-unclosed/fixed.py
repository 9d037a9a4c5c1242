from __future__ import annotations

from contextlib import closing
from http.client import HTTPConnection
from urllib.parse import urlencode


class LaTeXRender:
    host = "latex.example.org"

    def render(self, formula: str) -> str:
        shown = formula.replace("$", "").replace("\n", "")
        body = urlencode({"engine": "quicklatex", "input": shown})
        headers = {"Content-type": "application/x-www-form-urlencoded", "Accept": "text/plain"}
        with closing(HTTPConnection(self.host)) as conn:
            conn.request("POST", "/render.php", body, headers)
            image_url = conn.getresponse().read().decode("utf-8")
        return f'![{shown}]({image_url} "{shown}")\n'
