from __future__ import annotations

import base64
import mimetypes
import os
import re
import uuid
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Union

_MLLM_IMAGE_REGISTRY: Dict[str, "MLLMImage"] = {}
_PLACEHOLDER = re.compile(r"\[DEEPEVAL:IMAGE:([0-9a-zA-Z:/._-]+)\]")


@dataclass
class MLLMImage:
    dataBase64: Optional[str] = None
    mimeType: Optional[str] = None
    url: Optional[str] = None
    local: Optional[bool] = None
    filename: Optional[str] = None
    _id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def __post_init__(self):
        if not self.url and not self.dataBase64:
            raise ValueError("You must provide either a 'url' or 'dataBase64' and 'mimeType'.")
        if self.dataBase64 is None:
            self.local = os.path.exists(self.url)
            if self.local:
                self.filename = os.path.basename(self.url)
                self.mimeType = mimetypes.guess_type(self.url)[0] or "image/jpeg"
                self._load_base64(self.url)
        _MLLM_IMAGE_REGISTRY[self._id] = self  # LEAK

    def _load_base64(self, path: str):
        with open(path, "rb") as f:
            self.dataBase64 = base64.b64encode(f.read()).decode("ascii")

    def __str__(self) -> str:
        return f"[DEEPEVAL:IMAGE:{self._id}]"


def convert_to_multi_modal_array(s: str) -> List[Union[str, MLLMImage]]:
    result: List[Union[str, MLLMImage]] = []
    last_end = 0
    for m in _PLACEHOLDER.finditer(s):
        start, end = m.span()
        if start > last_end:
            result.append(s[last_end:start])
        img_id = m.group(1)
        if img_id not in _MLLM_IMAGE_REGISTRY:
            MLLMImage(url=img_id, _id=img_id)
        result.append(_MLLM_IMAGE_REGISTRY[img_id])
        last_end = end
    if last_end < len(s):
        result.append(s[last_end:])
    return result
