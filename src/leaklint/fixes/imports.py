"""Name hygiene for the imports a fix adds: never rebind or shadow a name the code already uses.

A fix that needs ``contextlib.closing`` first reuses what the module already imports
(``import contextlib as cl`` -> ``cl.closing``; ``from contextlib import closing`` -> ``closing``),
as long as nothing at the fix site shadows it. Otherwise it adds ``import contextlib`` if that name
is free everywhere it matters (module bindings, ``global`` declarations, and every scope enclosing
the fix site: parameters, locals, aliases), or else ``from contextlib import closing`` if *that*
name is free; when both are taken there is no fix, and the caller says why.

An added import goes where isort would put it: in the standard-library block of the module's
leading imports (after the docstring and ``from __future__`` imports), plain ``import`` lines
before ``from`` lines, alphabetically; as a block of its own before third-party imports when the
module has no standard-library import. The insertion is one more edit of the fix (an existing
import line becomes two lines), so two fixes needing the same import are applied in two rounds and
the second one reuses the import the first added.
"""

from __future__ import annotations

import sys
import weakref
from dataclasses import dataclass
from typing import FrozenSet, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import LOCAL, dotted_name
from leaklint.analysis.walk import walk
from leaklint.rule import Edit, ImportSpec

_STDLIB: FrozenSet[str] = frozenset(getattr(sys, "stdlib_module_names", ())) | frozenset(
    {
        "abc", "argparse", "array", "ast", "asyncio", "base64", "bisect", "builtins", "bz2", "collections",
        "contextlib", "copy", "csv", "dataclasses", "datetime", "enum", "functools", "gc", "glob", "gzip",
        "hashlib", "heapq", "http", "importlib", "inspect", "io", "itertools", "json", "logging", "lzma",
        "math", "mmap", "multiprocessing", "operator", "os", "pathlib", "pickle", "queue", "random", "re",
        "selectors", "shelve", "shutil", "signal", "socket", "sqlite3", "ssl", "stat", "string", "struct",
        "subprocess", "sys", "tarfile", "tempfile", "textwrap", "threading", "time", "traceback", "types",
        "typing", "unittest", "urllib", "uuid", "warnings", "weakref", "xml", "zipfile", "zlib",
    }
)


@dataclass(frozen=True)
class NameForm:
    """How the fix spells ``module.name`` at its site, and what it must add for that."""

    expression: cst.BaseExpression  # ``contextlib.closing``, ``closing`` or ``cl.closing``
    shown: str  # the same, as text, for suggestions
    edits: Tuple[Edit, ...] = ()  # the import line inserted into the module's import block
    imports: Tuple[ImportSpec, ...] = ()  # an import left to the fix applier (no import block)


def _names_bound_around(context: FileContext, site: cst.CSTNode) -> Set[str]:
    """Names bound in the scopes enclosing ``site`` (not the module): parameters, locals, aliases."""
    taken: Set[str] = set()
    scope = context.enclosing_scope(site)
    while scope is not None and not isinstance(scope, cst.Module):
        bindings = context.scope_bindings(scope)
        taken.update(bindings.names)
        taken.update(bindings.passthrough)
        scope = context.enclosing_scope(scope)
    return taken


_MODULE_NAMES: "weakref.WeakKeyDictionary[FileContext, FrozenSet[str]]" = weakref.WeakKeyDictionary()


def _module_names(context: FileContext) -> FrozenSet[str]:
    """Names bound at module level, including those bound from functions through ``global``
    (one walk per file, however many fixes ask)."""
    cached = _MODULE_NAMES.get(context)
    if cached is not None:
        return cached
    names = set(context.module_bindings.names)
    for node in walk(context.module):
        if isinstance(node, cst.Global):
            names.update(item.name.value for item in node.names)
        elif isinstance(node, cst.ImportStar):
            names.add("*")
    _MODULE_NAMES[context] = frozen = frozenset(names)
    return frozen


def name_form(context: FileContext, site: cst.CSTNode, module: str, name: str) -> Optional[NameForm]:
    """How to refer to ``module.name`` (e.g. ``contextlib.closing``) at ``site``; None when every
    spelling would shadow or rebind a name the code uses."""
    around = _names_bound_around(context, site)
    for local, target in context.module_bindings.names.items():
        if local in around or target == LOCAL:
            continue
        if target == f"{module}.{name}":
            return NameForm(cst.Name(local), local)
        if target == module:
            return NameForm(cst.Attribute(cst.Name(local), cst.Name(name)), f"{local}.{name}")
    module_names = _module_names(context)
    if "*" in module_names:
        return None  # a star import may bind anything
    taken = module_names | around
    if module not in taken:
        expression: cst.BaseExpression = cst.Attribute(cst.Name(module), cst.Name(name))
        statement = cst.SimpleStatementLine([cst.Import([cst.ImportAlias(cst.Name(module))])])
        return _with_import(context, expression, f"{module}.{name}", statement, ImportSpec(module), plain=True)
    if name not in taken:
        statement = cst.SimpleStatementLine(
            [cst.ImportFrom(module=cst.Name(module), names=[cst.ImportAlias(cst.Name(name))])]
        )
        return _with_import(context, cst.Name(name), name, statement, ImportSpec(module, name), plain=False)
    return None


def _with_import(
    context: FileContext,
    expression: cst.BaseExpression,
    shown: str,
    statement: cst.SimpleStatementLine,
    spec: ImportSpec,
    *,
    plain: bool,
) -> NameForm:
    edit = insertion_edit(context.module, statement, spec.module, plain=plain)
    if edit is None:
        return NameForm(expression, shown, imports=(spec,))
    return NameForm(expression, shown, edits=(edit,))


# -- placing an import as isort would ---------------------------------------------------------------


def _import_line(statement: cst.CSTNode) -> Optional[Tuple[str, int, str]]:
    """(section, kind, module) of an import line: section future/stdlib/other, kind 0 for
    ``import x`` and 1 for ``from x import y``; None for anything else."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    if isinstance(small, cst.Import):
        module = dotted_name(small.names[0].name) or ""
        kind = 0
    elif isinstance(small, cst.ImportFrom):
        if small.relative:
            return ("other", 1, "." + (dotted_name(small.module) or ""))
        module = dotted_name(small.module) or ""
        kind = 1
    else:
        return None
    top = module.split(".")[0]
    section = "future" if top == "__future__" else "stdlib" if top in _STDLIB else "other"
    return (section, kind, module)


def _is_docstring(statement: cst.CSTNode) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def insertion_edit(module: cst.Module, statement: cst.SimpleStatementLine, imported: str, *, plain: bool) -> Optional[Edit]:
    """The edit that adds ``statement`` to the module's leading imports; None when it has none."""
    body = list(module.body)
    start = 1 if body and _is_docstring(body[0]) else 0
    lines: List[Tuple[cst.SimpleStatementLine, Tuple[str, int, str]]] = []
    for candidate in body[start:]:
        info = _import_line(candidate)
        if info is None:
            break
        assert isinstance(candidate, cst.SimpleStatementLine)
        lines.append((candidate, info))
    key = (0 if plain else 1, imported.lower())
    stdlib = [(line, info) for line, info in lines if info[0] == "stdlib"]
    if stdlib:
        before = [line for line, info in stdlib if (info[1], info[2].lower()) <= key]
        if before:
            anchor = before[-1]
            return Edit(anchor, cst.FlattenSentinel([anchor, statement]))
        first = stdlib[0][0]
        return Edit(
            first,
            cst.FlattenSentinel([statement.with_changes(leading_lines=first.leading_lines), first.with_changes(leading_lines=())]),
        )
    others = [line for line, info in lines if info[0] != "future"]
    if others:
        first = others[0]
        return Edit(
            first,
            cst.FlattenSentinel(
                [statement.with_changes(leading_lines=first.leading_lines), first.with_changes(leading_lines=[cst.EmptyLine()])]
            ),
        )
    return None
