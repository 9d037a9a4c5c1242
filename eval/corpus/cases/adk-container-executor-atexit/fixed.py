from __future__ import annotations

import atexit
import weakref


def _cleanup(executor_proxy) -> None:
    try:
        executor_proxy.cleanup_container()
    except ReferenceError:
        pass


class ContainerCodeExecutor:
    def __init__(self, client, image: str) -> None:
        self.client = client
        self.container = client.containers.run(image, detach=True, tty=True)
        atexit.register(_cleanup, weakref.proxy(self))

    def execute(self, code: str) -> str:
        return self.container.exec_run(["python", "-c", code]).output.decode()

    def cleanup_container(self) -> None:
        self.container.stop()
        self.container.remove()
