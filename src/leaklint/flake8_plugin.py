"""The flake8 plugin: a thin adapter over the engine.

flake8 calls a plugin that takes ``tree`` once per file; ``lines`` gives the source as flake8 read
it. flake8 applies ``# noqa``, ``--select`` and ``--extend-ignore`` itself, expects 0-based
columns, and reads the code from the message's first word. An exception escaping ``run`` would
abort the whole flake8 run, so everything is caught per file and reported as LKL002.
Project rules see this file's facts alone (flake8 checks one file at a time).
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, List, Optional, Sequence, Tuple, Type

from leaklint import __version__
from leaklint.config import ConfigError, Settings, load_settings

Result = Tuple[int, int, str, Type[Any]]


@lru_cache(maxsize=64)
def _settings_for_folder(folder: str) -> Tuple[Settings, Optional[str]]:
    try:
        return load_settings(Path(folder)), None
    except ConfigError as error:
        return Settings(), str(error)


class LeaklintChecker:
    name = "leaklint"
    version = __version__

    def __init__(self, tree: ast.AST, lines: Sequence[str], filename: str = "stdin") -> None:
        self.tree = tree
        self.lines = lines
        self.filename = filename

    def run(self) -> Iterator[Result]:
        try:
            results = self._check()
        except Exception as error:  # noqa: BLE001 - never abort the whole flake8 run
            reason = f"{type(error).__name__}: {error}".splitlines()[0][:200]
            results = [(1, 0, f"LKL002 leaklint failed on this file: {reason}; fix: please report this bug")]
        for line, column, text in results:
            yield line, column, text, type(self)

    def _check(self) -> List[Tuple[int, int, str]]:
        from leaklint.engine import analyze_source, check_project
        from leaklint.output import one_line

        folder = str(Path(self.filename).parent) if self.filename not in ("stdin", "-") else "."
        settings, config_error = _settings_for_folder(folder)
        if config_error is not None:
            return [(1, 0, f"LKL002 leaklint configuration error: {config_error}; fix: correct [tool.leaklint]")]
        # flake8 does the selecting; the file's own per-file ignores from [tool.leaklint] apply.
        rules = [rule for rule in settings.rules_for(self.filename) if rule.code != "LKL001"]
        source = "".join(self.lines)
        # flake8 parsed these very lines: its tree stands for leaklint's own syntax check.
        tree = self.tree if isinstance(self.tree, ast.Module) else None
        result = analyze_source(source, self.filename, rules, settings.rule_settings(), syntax_tree=tree).result
        findings = list(result.findings) + check_project([result], rules, settings.rule_settings())
        return [(f.line, f.column - 1, one_line(f)) for f in sorted(findings, key=lambda f: f.sort_key())]
