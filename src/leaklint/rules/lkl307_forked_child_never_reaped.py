"""LKL307: the parent of an ``os.fork()`` goes on without ever waiting for the child."""

from __future__ import annotations

from typing import List, Optional

import libcst as cst

from leaklint.analysis.walk import walk, walk_scope
from leaklint.flow.cfg import ends_process
from leaklint.rule import Bad, Confidence, Good, Rule

# A module that reaps children anywhere (a SIGCHLD handler, `os.wait()`, `os.waitpid(-1, ...)`)
# or ignores SIGCHLD (the kernel reaps them) leaves nothing behind.
_REAPING_WORDS = ("SIGCHLD", "os.wait(", "os.wait3(", "os.wait4(", "waitpid(-1", "os.waitid(")
_EXITS = frozenset({"sys.exit", "exit", "quit"})


class ForkedChildNeverReaped(Rule):
    """
    ## What it does
    Flags `pid = os.fork()` in a function whose parent branch (`if pid:`, `if pid > 0:`,
    `if pid != 0:`, or the `else` of `if pid == 0:`) carries on without the child's pid: no
    `os.waitpid(pid, ...)`, the pid not returned, stored or handed to anything, and the parent
    neither exits nor execs. Modules that reap children elsewhere (a `SIGCHLD` handler,
    `os.wait()`, `os.waitpid(-1, ...)`) are left alone.

    ## Why is this bad?
    A child that exits stays in the process table as a zombie until its parent waits for it.
    A long-running parent that forks (a daemonising `start()`, a worker launcher) and forgets the
    pid gathers one zombie per call; nothing else will ever reap them, because only the parent
    can. The usual double fork (`if pid > 0: os._exit(0)` in the first parent) is fine, and so is
    a parent that waits for its first child.

    ## Known problems
    Only the function that forks is read: a pid handed on through a global or reaped by another
    module's `SIGCHLD` handler is not seen (it is left alone when the pid is stored or passed
    anywhere). Hence medium confidence.

    ## References
    - ruff, pylint, flake8-bugbear: none. LKL302 reports a `subprocess.Popen` whose child nobody
      waits for.
    """

    code = "LKL307"
    name = "forked-child-never-reaped"
    message = "the child forked into `{name}` is never waited for"
    examples = (
        Bad(
            "import os\n\ndef detach():\n    pid = os.fork()\n    if pid > 0:\n        return True\n"
            "    os.setsid()\n    return False\n"
        ),
        Good(
            "import os\n\ndef detach():\n    pid = os.fork()\n    if pid > 0:\n        os.waitpid(pid, 0)\n"
            "        return True\n    os.setsid()\n    return False\n"
        ),
    )

    trigger_names = ("fork",)

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.forks: List[cst.Assign] = []

    def visit_Assign(self, node: cst.Assign) -> None:
        value = node.value
        if (
            isinstance(value, cst.Call)
            and not value.args
            and len(node.targets) == 1
            and isinstance(node.targets[0].target, cst.Name)
            and self.context.qualified_name(value.func) == "os.fork"
        ):
            self.forks.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        if not self.forks or any(word in self.context.source for word in _REAPING_WORDS):
            return
        for assign in self.forks:
            self._check(assign)

    def _check(self, assign: cst.Assign) -> None:
        target = assign.targets[0].target
        assert isinstance(target, cst.Name)
        pid = target.value
        scope = self.context.enclosing_scope(assign)
        if not isinstance(scope, cst.FunctionDef):
            return  # a script forking at module level exits with its children
        parent: Optional[cst.BaseSuite] = None
        started = False
        for node in walk_scope(scope):
            if node is target:
                started = True
                continue
            if isinstance(node, cst.Name) and node.value == pid and started:
                outer = self.context.parent(node)
                if isinstance(outer, cst.AssignTarget) and any(f.targets[0] is outer for f in self.forks):
                    break  # `pid = os.fork()` again: from here on it is the next child's pid
                test = self._parent_branch(node, pid)
                if test is not None:
                    if parent is None:
                        parent = test
                    continue
                if isinstance(outer, cst.Comparison) or (isinstance(outer, cst.If) and outer.test is node):
                    continue  # a test of the pid that is not the parent/child split
                return  # waited for, stored, returned, handed on, rebound...
        if parent is None or self._ends(parent):
            return
        self.report(
            assign,
            f"the parent goes on without the child forked into `{pid}`: nothing waits for it (`os.waitpid({pid}, 0)`), "
            "so once it exits it stays a zombie for as long as this process runs, one per call",
            suggestion=f"in the parent branch, `os.waitpid({pid}, 0)` (for a double fork the first child exits at once), "
            "or keep the pid and reap it later",
            confidence=Confidence.MEDIUM,
        )

    def _parent_branch(self, name: cst.Name, pid: str) -> Optional[cst.BaseSuite]:
        """The block that runs in the parent for ``if pid:`` / ``if pid > 0:`` / ``if pid != 0:``
        (the body) or ``if pid == 0:`` / ``if not pid:`` (the ``else``), when ``name`` is that
        test's operand; the empty suite when the parent falls through past the ``if``."""
        test: cst.CSTNode = name
        outer = self.context.parent(name)
        parent_when_true: Optional[bool] = None
        if isinstance(outer, cst.If) and outer.test is name:
            parent_when_true = True
        elif isinstance(outer, cst.UnaryOperation) and isinstance(outer.operator, cst.Not):
            test, parent_when_true = outer, False
        elif isinstance(outer, cst.Comparison) and outer.left is name and len(outer.comparisons) == 1:
            comparison = outer.comparisons[0]
            right = comparison.comparator
            if isinstance(right, cst.Integer) and right.value == "0":
                operator = comparison.operator
                if isinstance(operator, (cst.GreaterThan, cst.NotEqual)):
                    parent_when_true = True
                elif isinstance(operator, cst.Equal):
                    parent_when_true = False
            test = outer
        if parent_when_true is None:
            return None
        branch = self.context.parent(test)
        if not isinstance(branch, cst.If) or branch.test is not test:
            return None
        if parent_when_true:
            return branch.body
        if branch.orelse is not None and isinstance(branch.orelse, cst.Else):
            return branch.orelse.body
        if self._ends(branch.body):
            return cst.IndentedBlock(body=[])  # the child's branch ends; the parent carries on after the `if`
        return None  # the child falls through into the parent's code: not this shape

    def _ends(self, block: cst.BaseSuite) -> bool:
        """The block ends the process (``os._exit``, ``exec*``, ``sys.exit``) or raises."""
        for node in walk(block):
            if isinstance(node, cst.Call):
                if ends_process(node):
                    return True
                qualified = self.context.qualified_name(node.func) or ""
                if qualified in _EXITS or qualified == "builtins.exit":
                    return True
            if isinstance(node, cst.Raise):
                return True
        return False
