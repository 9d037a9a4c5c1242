from __future__ import annotations

import hashlib
import threading
from typing import Any, Dict, Optional


class TaskResult:
    def __init__(self) -> None:
        self.result: Optional[bytes] = None
        self.error: Optional[str] = None
        self.done = threading.Event()

    def set_result(self, result: bytes) -> None:
        self.result = result
        self.done.set()

    def wait(self, timeout: Optional[float] = None) -> bool:
        return self.done.wait(timeout)


# results of the transcriptions requested through the endpoint, by task id
pending_results: Dict[str, TaskResult] = {}
pending_lock = threading.Lock()


def audio_key(content: bytes, task: str, language: Optional[str]) -> str:
    digest = hashlib.sha256(content)
    digest.update(f"{task}:{language}".encode())
    return digest.hexdigest()[:16]


async def transcribe_endpoint(upload: Any, queue: Any, task: str = "transcribe",
                              language: Optional[str] = None, timeout: float = 3600) -> dict:
    task_id = None
    try:
        content = await upload.read()
        if not content:
            return {"status": "error", "message": "empty upload"}
        task_id = f"asr-{audio_key(content, task, language)}"
        with pending_lock:
            if task_id not in pending_results:
                pending_results[task_id] = TaskResult()
            slot = pending_results[task_id]
        queue.put({"path": task_id, "task": task, "language": language,
                   "audio": content, "result_container": slot})
        if not slot.wait(timeout=timeout):
            return {"status": "timeout", "task_id": task_id}
        if slot.error:
            return {"status": "error", "task_id": task_id, "message": slot.error}
        return {"status": "ok", "task_id": task_id, "subtitles": slot.result}
    except Exception as exc:
        return {"status": "error", "message": str(exc)}
    finally:
        await upload.close()
        with pending_lock:
            pending_results.pop(task_id, None)
