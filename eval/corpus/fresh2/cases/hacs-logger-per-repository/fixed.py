from __future__ import annotations

import logging
from typing import Any


def get_hacs_logger(name: str = "custom_components.hacs") -> logging.Logger:
    return logging.getLogger(name)


# one logger for every repository: the repository name goes into the message
LOGGER = get_hacs_logger()


class RepositoryData:
    def __init__(self, full_name: str, category: str) -> None:
        self.full_name = full_name
        self.category = category


class HacsRepository:
    def __init__(self, full_name: str, category: str) -> None:
        self.data = RepositoryData(full_name, category)
        self.logger = LOGGER
        self.tree: list[Any] = []

    @property
    def string(self) -> str:
        return f"<{self.data.category.title()} {self.data.full_name}>"

    async def update_repository(self) -> None:
        self.logger.debug("%s Getting repository information", self.string)


class Hacs:
    def __init__(self) -> None:
        self.repositories: dict[str, HacsRepository] = {}

    async def register_repository(self, full_name: str, category: str) -> None:
        repository = HacsRepository(full_name, category)
        await repository.update_repository()
        self.repositories[full_name] = repository

    def remove_repository(self, full_name: str) -> None:
        self.repositories.pop(full_name, None)
