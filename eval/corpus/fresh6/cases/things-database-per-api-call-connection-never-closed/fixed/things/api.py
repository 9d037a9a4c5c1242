from __future__ import annotations

from .database import Database


def pop_database(kwargs: dict) -> Database:
    """Instantiate a non-default database from kwargs if provided."""
    filepath = kwargs.pop("filepath", None)
    database = kwargs.pop("database", None)
    print_sql = kwargs.pop("print_sql", False)
    if not database:
        database = Database(filepath=filepath, print_sql=print_sql)
    return database


def tasks(uuid=None, **kwargs):
    """Read tasks into dicts."""
    database = pop_database(kwargs)
    if uuid:
        return database.get_task_by_uuid(uuid)
    return database.get_tasks(**kwargs)


def todos(**kwargs):
    return tasks(type="to-do", **kwargs)
