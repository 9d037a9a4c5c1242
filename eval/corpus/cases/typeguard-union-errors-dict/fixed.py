from __future__ import annotations


class TypeCheckError(Exception):
    pass


def check_type(value, expected) -> None:
    if not isinstance(value, expected):
        raise TypeCheckError(f"{value!r} is not {expected.__name__}")


def check_union(value, choices: tuple) -> None:
    errors: dict = {}
    try:
        for choice in choices:
            try:
                check_type(value, choice)
                return
            except TypeCheckError as exc:
                errors[choice.__name__] = exc
        details = "\n".join(f"  {name}: {exc}" for name, exc in errors.items())
        raise TypeCheckError(f"did not match any element of the union:\n{details}")
    finally:
        del errors
