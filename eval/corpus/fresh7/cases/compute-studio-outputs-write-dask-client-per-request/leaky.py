from __future__ import annotations

import json
import os

import tornado.web
from dask.distributed import Client

import cs_storage

BUCKET = os.environ.get("BUCKET")


async def write(task_id, outputs):
    client = await Client(asynchronous=True, processes=False)  # LEAK
    outputs = cs_storage.deserialize_from_json(outputs)
    res = await client.submit(cs_storage.write, task_id, outputs)
    return res


class Write(tornado.web.RequestHandler):
    async def post(self) -> None:
        payload = json.loads(self.request.body.decode("utf-8"))
        result = await write(**payload)
        self.write(result)


def get_app() -> tornado.web.Application:
    assert BUCKET
    return tornado.web.Application([(r"/write/", Write)])
