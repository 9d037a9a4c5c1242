from __future__ import annotations

import random
import time


def unique_id(name: str) -> str:
    """An id made of the name, a timestamp and a random number."""
    return "{0}-{1}-{2}".format(name, int(time.time()), random.randint(0, 10000))


def disable_upload_callbacks(request, operation_name, **kwargs) -> None:
    if operation_name in ("PutObject", "UploadPart") and hasattr(request.body, "disable_callback"):
        request.body.disable_callback()


def enable_upload_callbacks(request, operation_name, **kwargs) -> None:
    if operation_name in ("PutObject", "UploadPart") and hasattr(request.body, "enable_callback"):
        request.body.enable_callback()
