"""``leaklint check --show-settings`` and ``--show-files``: what a run would use, and why."""

from __future__ import annotations

import json
from typing import Any, List, Sequence, TextIO

from leaklint.config import Settings


def _value(value: Any) -> str:
    if isinstance(value, tuple) and value and all(isinstance(item, tuple) and len(item) == 2 for item in value):
        return "{" + ", ".join(f"{json.dumps(key)} = {_value(item)}" for key, item in value) + "}"
    if isinstance(value, tuple):
        return json.dumps(list(value))
    return json.dumps(value)


def settings_lines(settings: Settings) -> List[str]:
    """One ``key = value  # source`` line per setting, TOML-like, then the rules it enables."""
    from leaklint.cache import configured_directory_refused, default_directory

    def source(*keys: str) -> str:
        found = [settings.origin(key) for key in keys if settings.origin(key)]
        return " and ".join(dict.fromkeys(str(f) for f in found)) if found else "default"

    rows = [
        ("select", settings.select if settings.select is not None else ("LKL",), source("select")),
        ("ignore", settings.ignore, source("ignore", "extend-ignore")),
        ("extend-select", settings.extend_select, source("extend-select")),
        ("exclude", settings.exclude, source("exclude")),
        ("extend-exclude", settings.extend_exclude, source("extend-exclude")),
        ("per-file-ignores", settings.per_file_ignores, source("per-file-ignores")),
        ("unsafe-fixes", settings.unsafe_fixes, source("unsafe-fixes")),
    ]
    cache_source = source("cache-dir")
    refused = configured_directory_refused(settings)
    if refused:
        cache_source = f"default ({refused})"
    elif cache_source == "default":
        cache_source = "default: the project's folder in the user cache folder"
    rows.append(("cache-dir", str(default_directory(settings)), cache_source))
    options = settings.rule_settings()
    from leaklint.registry import all_rules

    for rule in all_rules():
        for option in rule.options:
            value = options.get(rule.code, {}).get(option.name, option.default)
            rows.append((f"{rule.code}.{option.name}", value, source(f"{rule.code}.{option.name}")))
    lines = [
        f"# configuration: {settings.config_file or 'none (defaults)'}",
        f"# project root: {settings.root}",
    ]
    lines += [f"{key} = {_value(value)}  # {origin}" for key, value, origin in rows]
    rules = settings.rules()
    lines.append(f"# {len(rules)} rules enabled: {', '.join(rule.code for rule in rules)}")
    return lines


def write_settings(settings: Settings, out: TextIO) -> None:
    out.write("\n".join(settings_lines(settings)) + "\n")


def write_files(files: Sequence[str], out: TextIO) -> None:
    from leaklint.output import display_path

    for path in sorted(files, key=display_path):
        out.write(display_path(path) + "\n")
