from typing import Any, List

from .adapter import RowAdapter
from .editor import TableEditorFactory


class PersonAdapter(RowAdapter):
    columns = ("name", "age")


class Person:
    def __init__(self, name: str, age: int) -> None:
        self.name = name
        self.age = age


class Roster:
    # Defined once for the class: every roster's table shares this factory and its adapter.
    table_factory = TableEditorFactory(adapter=PersonAdapter())

    def __init__(self, people: List[Person]) -> None:
        self.people = people
        self.big_history: List[Any] = [bytearray(1024) for _ in range(64)]

    def edit(self) -> Any:
        return self.table_factory.create_editor(self, "people")
