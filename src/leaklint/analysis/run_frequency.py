"""How often a statement runs: once per process, or per call, request or iteration.

A file left open, a socket dropped or a small cycle formed by code that runs once per process
(a script's ``if __name__ == "__main__":`` block, its ``main()``, the helpers only those call)
costs one object for the rest of a process that is about to end: reviewers of packages
leaklint was never run on judged such findings not worth a change (impacket's installed scripts,
jupyter_server's start-up, circus's pid file, scrapy's log set-up; docs/rules.md, "Severity and
profiles"). The same leak in code that runs per call, request or loop iteration piles up.

The answer is read from the module's own calls, followed to a fixed point:

* ``if __name__ == "__main__":`` and module level (import time) run once;
* a module-level entry point (``main()``, ``cli()``, a ``click`` command) runs once;
* a function runs once when every reference to it in the module is a direct call from code
  that runs once, outside any loop (a loop body, a comprehension or a ``while`` test runs per
  iteration). A public function of an importable module may be called from anywhere else, so
  only a private one (``_helper``) is followed there; in a *script* (a file with a
  ``__main__`` block whose name is no module name, or that sits in a ``scripts/``, ``bin/``
  or ``examples/`` folder that is not a package) every function is, and so are the methods of its classes: a class
  made only by code that runs once has an ``__init__`` that does, and a method every reference
  of which (``obj.run()``, ``self._load()``) is a call from code that runs once runs once.

A function passed on (a callback, a thread's target, a decorator's argument) or never referenced
(a framework's hook, a ``do_*`` command of ``cmd.Cmd``) is not followed: something else calls it,
as often as it likes.
"""

from __future__ import annotations

import weakref
from pathlib import PurePath
from typing import Dict, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import decorator_name
from leaklint.analysis.registrations import ENTRY_NAMES
from leaklint.analysis.walk import walk

# Decorators that make a function a command-line entry point (click, typer).
_ENTRY_DECORATORS = frozenset({"command", "group"})
# Folders whose files with a `__main__` block are programs, not library modules.
_SCRIPT_FOLDERS = frozenset({"scripts", "bin", "examples", "example", "demos", "demo", "tools"})
_LOOPS = (cst.While, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp, cst.Lambda)

Reference = Tuple[cst.CSTNode, bool]  # (the referring node, whether it is called right there)


class _RunFrequency:
    """The functions of one module that run once per process (by id of their ``FunctionDef``)."""

    # No reference to the context: the cache below is keyed weakly by it, and a value that held
    # its key would keep every file's tree alive for the whole run.
    def __init__(self, context: FileContext) -> None:
        self.once: Set[int] = set()
        self.main_guards: Set[int] = {id(s) for s in context.module.body if isinstance(s, cst.If) and is_main_guard(s.test)}
        self.why: Dict[int, str] = {}
        self._solve(context)

    def _solve(self, context: FileContext) -> None:
        script = PurePath(context.path).stem == "__main__" or (
            bool(self.main_guards) and is_script_path(context.path, context.module_name))
        followed: Dict[int, List[Reference]] = {}  # function id -> its references
        names: Dict[int, str] = {}
        by_name: Dict[str, List[cst.FunctionDef]] = {}
        by_attribute: Dict[str, List[cst.FunctionDef]] = {}
        for statement in self._top_level_statements(context):
            if isinstance(statement, cst.FunctionDef):
                name = statement.name.value
                if name in ENTRY_NAMES or _entry_decorated(statement):
                    self.once.add(id(statement))
                    self.why[id(statement)] = f"`{name}()` is an entry point"
                elif script or (name.startswith("_") and not name.startswith("__")):
                    by_name.setdefault(name, []).append(statement)
            elif isinstance(statement, cst.ClassDef) and script:
                for member in statement.body.body if isinstance(statement.body, cst.IndentedBlock) else ():
                    if not isinstance(member, cst.FunctionDef) or member.decorators:
                        continue
                    name = member.name.value
                    if name == "__init__":
                        by_name.setdefault(statement.name.value, []).append(member)
                    elif not name.startswith("__"):
                        by_attribute.setdefault(name, []).append(member)
        if not by_name and not by_attribute:
            return
        references: Dict[str, List[Reference]] = {}
        for node in walk(context.module):
            if isinstance(node, cst.Name) and node.value in by_name:
                parent = context.parent(node)
                if isinstance(parent, (cst.FunctionDef, cst.ClassDef)) and parent.name is node:
                    continue  # the definition itself
                if isinstance(parent, cst.Attribute) and parent.attr is node:
                    continue  # `obj.name`: another object's attribute
                references.setdefault(node.value, []).append((node, _called(context, node)))
            elif isinstance(node, cst.Attribute) and node.attr.value in by_attribute:
                references.setdefault(node.attr.value, []).append((node, _called(context, node)))
        for table in (by_name, by_attribute):
            for name, functions in table.items():
                for function in functions:
                    followed[id(function)] = references.get(name, [])
                    names[id(function)] = function.name.value if function.name.value != "__init__" else name
        changed = True
        while changed:
            changed = False
            for key, refs in followed.items():
                if key in self.once or not refs:
                    continue
                if all(called and self.reason(context, node) is not None for node, called in refs):
                    self.once.add(key)
                    self.why[key] = f"`{names[key]}()` is called only from code that runs once per process"
                    changed = True

    def _top_level_statements(self, context: FileContext) -> List[cst.CSTNode]:
        """The module's statements, and those of its ``__main__`` block (a script may define its
        helpers there: impacket's rdp_check.py)."""
        statements: List[cst.CSTNode] = []
        for statement in context.module.body:
            statements.append(statement)
            if id(statement) in self.main_guards and isinstance(statement, cst.If):
                body = statement.body
                statements.extend(body.body if isinstance(body, cst.IndentedBlock) else ())
        return statements

    def reason(self, context: FileContext, node: cst.CSTNode) -> Optional[str]:
        """Why ``node`` runs once per process, or None."""
        below: cst.CSTNode = node
        for ancestor in context.ancestors(node):
            if isinstance(ancestor, _LOOPS):
                return None
            if isinstance(ancestor, (cst.For, cst.CompFor)) and below is not ancestor.iter:
                return None
            if isinstance(ancestor, cst.FunctionDef):
                if id(ancestor) not in self.once:
                    return None
                return self.why[id(ancestor)]
            if id(ancestor) in self.main_guards:
                return 'it is under `if __name__ == "__main__":`'
            below = ancestor
        return "it runs at import time"


def _called(context: FileContext, node: cst.CSTNode) -> bool:
    parent = context.parent(node)
    return isinstance(parent, cst.Call) and parent.func is node


def _entry_decorated(function: cst.FunctionDef) -> bool:
    return any((decorator_name(d) or "").rsplit(".", 1)[-1] in _ENTRY_DECORATORS for d in function.decorators)


def is_main_guard(test: cst.BaseExpression) -> bool:
    """``__name__ == "__main__"`` (either way round)."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    sides = (test.left, test.comparisons[0].comparator)
    return (any(isinstance(side, cst.Name) and side.value == "__name__" for side in sides)
            and any(isinstance(side, cst.SimpleString) and side.evaluated_value == "__main__" for side in sides))


def is_script_path(path: str, module_name: str) -> bool:
    """A program rather than a library module: ``pkg/__main__.py``, a file whose name is no
    module name (``Get-GPPPassword.py``), or one in a ``scripts/``, ``bin/``, ``examples/`` folder
    that is not a package."""
    pure = PurePath(path)
    if module_name.rsplit(".", 1)[-1] == "__main__" or not pure.stem.isidentifier():
        return True
    # A module of a package (impacket/examples/ntlmrelayx/servers/socksserver.py) is imported
    # by other modules, whatever its folder is called: its functions may run per request there.
    # The file's own folder only: where the project sits on disk does not change the answer.
    return "." not in module_name and pure.parent.name.lower() in _SCRIPT_FOLDERS


_cache: "weakref.WeakKeyDictionary[FileContext, _RunFrequency]" = weakref.WeakKeyDictionary()


def once_per_process(context: FileContext, node: cst.CSTNode) -> Optional[str]:
    """Why ``node`` (inside a function, or under ``if __name__ == "__main__":``) runs once per
    process, or None when it may run per call, request or iteration. Code at plain module level
    is not answered here (None): a rule's own examples live there."""
    if context.enclosing_scope(node) is None and not any(
        isinstance(a, cst.If) and is_main_guard(a.test) for a in context.ancestors(node)
    ):
        return None
    frequency = _cache.get(context)
    if frequency is None:
        frequency = _cache[context] = _RunFrequency(context)
    return frequency.reason(context, node)

