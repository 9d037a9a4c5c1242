from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from .utils import disable_upload_callbacks, enable_upload_callbacks, unique_id


class TransferManager:
    def __init__(self, client, max_concurrency: int = 10) -> None:
        self._client = client
        self._executor = ThreadPoolExecutor(max_workers=max_concurrency)
        self._register_handlers()

    def _register_handlers(self) -> None:
        # enable/disable progress callbacks around each upload request
        event_name = "request-created.s3"
        enable_id = unique_id("s3upload-callback-enable")
        disable_id = unique_id("s3upload-callback-disable")
        self._client.meta.events.register_first(  # LEAK
            event_name, disable_upload_callbacks, unique_id=disable_id)
        self._client.meta.events.register_last(  # LEAK
            event_name, enable_upload_callbacks, unique_id=enable_id)

    def upload(self, fileobj, bucket: str, key: str):
        return self._executor.submit(self._client.upload_fileobj, fileobj, bucket, key)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)

    def __enter__(self) -> "TransferManager":
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
