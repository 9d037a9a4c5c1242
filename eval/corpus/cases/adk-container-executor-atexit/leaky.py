from __future__ import annotations

import atexit


class ContainerCodeExecutor:
    def __init__(self, client, image: str) -> None:
        self.client = client
        self.container = client.containers.run(image, detach=True, tty=True)
        atexit.register(self.__cleanup_container)  # LEAK

    def execute(self, code: str) -> str:
        return self.container.exec_run(["python", "-c", code]).output.decode()

    def __cleanup_container(self) -> None:
        self.container.stop()
        self.container.remove()
