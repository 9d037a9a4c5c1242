from __future__ import annotations

import weakref


class Builder:
    def __init__(self, desc: dict) -> None:
        self.desc = desc
        self.project = None

    def start(self) -> None:
        if self.project is not None:
            self.project.stop()
        self.project = Project(self)


class Project:
    def __init__(self, builder: Builder) -> None:
        self._builder = weakref.ref(builder)
        self.driver = builder.desc["driver_factory"]()

    def stop(self) -> None:
        self.driver.close()
