from __future__ import annotations

import json
from http.client import HTTPConnection
from urllib.parse import urlencode

API_PATH = "/v1/public/yql"


class YQLQuery:
    def __init__(self) -> None:
        self.connection = HTTPConnection("query.example.com")  # LEAK

    def execute(self, statement: str) -> dict:
        self.connection.request("GET", API_PATH + "?" + urlencode({"q": statement, "format": "json"}))
        return json.loads(self.connection.getresponse().read())


def quote(symbol: str) -> dict:
    return YQLQuery().execute(f"select * from quotes where symbol = '{symbol}'")
