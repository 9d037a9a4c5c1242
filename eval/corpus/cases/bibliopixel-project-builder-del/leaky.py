from __future__ import annotations


class Builder:
    def __init__(self, desc: dict) -> None:
        self.desc = desc
        self.project = None

    def start(self) -> None:
        self.project = Project(self)  # LEAK


class Project:
    def __init__(self, builder: Builder) -> None:
        self.builder = builder  # LEAK
        self.driver = builder.desc["driver_factory"]()

    def __del__(self) -> None:  # LEAK
        self.driver.close()
