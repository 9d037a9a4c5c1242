from __future__ import annotations

import tempfile
from typing import Any, Iterable

import requests


class ArynWriterRecord:
    def __init__(self, doc) -> None:
        self.doc = doc


class ArynWriterClient:
    def __init__(self, aryn_url: str, api_key: str) -> None:
        self.aryn_url = aryn_url
        self.api_key = api_key

    def write_many_records(self, records: Iterable[ArynWriterRecord], docset_id: str, update_schema: bool = True) -> None:
        headers = {"Authorization": f"Bearer {self.api_key}"}
        with requests.Session() as sess:
            for record in records:
                doc = record.doc
                with tempfile.TemporaryFile(prefix="aryn-writer-", suffix=".ArynSDoc") as stream:
                    params: dict[str, Any] = {"docset_id": docset_id, "update_schema": update_schema}
                    doc.web_serialize(stream)
                    stream.seek(0)
                    sess.post(url=f"{self.aryn_url}/docsets/write", params=params, files={"doc": stream}, headers=headers)
                # only the first document of a batch updates the schema
                update_schema = False
