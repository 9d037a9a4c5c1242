"""Settings: defaults, ``[tool.leaklint]`` in the nearest pyproject.toml, then the command line."""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Type

from leaklint.registry import UnknownCodeError, all_rules, rule_by_code, select_rules, validate_prefixes
from leaklint.rule import PROFILE_KEY, PROFILES, Rule
from leaklint.suggest import code_suggestion, did_you_mean

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.9/3.10
    import tomli as tomllib

DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", "env", "__pycache__", ".tox", ".nox", "build", "dist",
    "node_modules", "site-packages", "*.egg-info", ".leaklint_cache", ".mypy_cache", ".pytest_cache",
    ".ruff_cache",
)


class ConfigError(ValueError):
    """A problem in the configuration; the message names the key. Exit code 2."""


@dataclass(frozen=True)
class Settings:
    select: Optional[Tuple[str, ...]] = None
    ignore: Tuple[str, ...] = ()
    extend_select: Tuple[str, ...] = ()
    exclude: Tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: Tuple[str, ...] = ()
    per_file_ignores: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    rule_options: Tuple[Tuple[str, Tuple[Tuple[str, Any], ...]], ...] = ()
    unsafe_fixes: bool = False
    cache_dir: Optional[str] = None
    root: str = "."
    config_file: Optional[str] = None
    # Files with more code than this many bytes are checked in segments of top-level statements
    # (leaklint.segments): the memory bound of issue 22. None: the engine's default.
    segment_size: Optional[int] = None
    models: str = ""  # [tool.leaklint.models], validated, as canonical JSON (see leaklint.models)
    # Where each setting given (not defaulted) came from: (pyproject key, config file path or
    # "command line"). Read by --show-settings, and by the cache: a project's own config may not
    # point the cache outside the project.
    origins: Tuple[Tuple[str, str], ...] = ()

    def origin(self, key: str) -> Optional[str]:
        """The config file or "command line" that set ``key`` (pyproject spelling); None: default."""
        found = None
        for name, source in self.origins:
            if name == key:
                found = source
        return found
    # "default": what a maintainer would act on; "strict" also shows low-consequence findings.
    profile: str = "default"

    # -- what to run ------------------------------------------------------------------------

    def rules(self) -> List[Type[Rule]]:
        return _select(self.select, self.ignore, self.extend_select)

    def rules_for(self, path: str) -> List[Type[Rule]]:
        """The rules for ``path``: the selection minus its per-file ignores."""
        extra = tuple(code for pattern, codes in self.per_file_ignores if self._matches(path, pattern) for code in codes)
        return _select(self.select, self.ignore + extra, self.extend_select)

    def rule_settings(self) -> Dict[str, Dict[str, Any]]:
        settings = {code: dict(options) for code, options in self.rule_options}
        if self.models:
            from leaklint.models import add_to_rule_settings

            add_to_rule_settings(settings, self.models, [rule.code for rule in all_rules()])
        if self.profile != "default":
            settings[PROFILE_KEY] = {"profile": self.profile}
        return settings

    def _matches(self, path: str, pattern: str) -> bool:
        try:
            relative = Path(path).resolve().relative_to(_resolved(self.root)).as_posix()
        except ValueError:
            # A file outside the project (another folder named in the same run): the project's
            # per-file ignores are about its own files, never about someone else's.
            return False
        except OSError:
            relative = PurePosixPath(Path(path).as_posix()).as_posix()
        return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(PurePosixPath(relative).name, pattern)

    def is_excluded(self, path: Path) -> bool:
        """True when a file or folder found by walking a directory matches an exclude pattern.

        A pattern without a slash (``build``, ``*.egg-info``) matches the name of the file or
        folder being walked, never the folders above it: checking a path inside ``site-packages``
        that was named on the command line still works. A pattern with a slash matches the path
        relative to the project root.
        """
        for pattern in self.exclude + self.extend_exclude:
            if "/" not in pattern.rstrip("/"):
                if fnmatch.fnmatch(path.name, pattern.rstrip("/")):
                    return True
                continue
            relative = _relative(str(path), self.root)
            pattern = pattern.rstrip("/")
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern + "/*"):
                return True
        return False

    def fingerprint(self) -> str:
        """What decides the findings, for the cache key."""
        from leaklint.models import shipped_digest

        return repr((
            self.select, self.ignore, self.extend_select, self.per_file_ignores, self.rule_options, self.models,
            shipped_digest(), self.profile, self.segment_size,
        ))


@lru_cache(maxsize=256)
def _select(select: Optional[Tuple[str, ...]], ignore: Tuple[str, ...], extend: Tuple[str, ...]) -> List[Type[Rule]]:
    return select_rules(select, ignore, extend)


@lru_cache(maxsize=64)
def _resolved(root: str) -> Path:
    return Path(root).resolve()


def _relative(path: str, root: str) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except (ValueError, OSError):
        return PurePosixPath(Path(path).as_posix()).as_posix()


# -- reading pyproject.toml -------------------------------------------------------------------------


def find_config(start: Path) -> Optional[Path]:
    """The nearest pyproject.toml at or above ``start`` that has a [tool.leaklint] table."""
    folder = start if start.is_dir() else start.parent
    try:
        folder = folder.resolve()
    except OSError:
        return None
    for candidate in (folder, *folder.parents):
        pyproject = candidate / "pyproject.toml"
        try:
            if pyproject.is_file() and _mentions_leaklint(pyproject.read_text(encoding="utf-8", errors="replace")):
                return pyproject
        except OSError:
            continue
    return None


def _mentions_leaklint(text: str) -> bool:
    """A [tool.leaklint] table, also spelled `leaklint = {...}` under [tool] or inline: parse
    when the cheap test is unsure, so such a config is never silently ignored."""
    if "[tool.leaklint" in text:
        return True
    if "leaklint" not in text:
        return False
    try:
        tool = tomllib.loads(text).get("tool")
    except (tomllib.TOMLDecodeError, RecursionError):
        return False  # not ours to report: the file may only mention leaklint in a comment
    return isinstance(tool, dict) and "leaklint" in tool


def _string_list(key: str, value: Any) -> Tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"[tool.leaklint] {key}: expected a list of strings, got {value!r}")
    return tuple(value)


def _check_option_type(where: str, expected: type, value: Any) -> Any:
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if expected is int and isinstance(value, bool):
        raise ConfigError(f"{where}: expected an integer, got {value!r}")
    if not isinstance(value, expected):
        raise ConfigError(f"{where}: expected {expected.__name__}, got {type(value).__name__} {value!r}")
    return value


_TOP_LEVEL_KEYS = {
    "select", "ignore", "extend-select", "extend-ignore", "exclude", "extend-exclude", "per-file-ignores",
    "unsafe-fixes", "cache-dir", "models", "profile", "segment-size",
}


def _segment_size(key: str, value: Any) -> int:
    """Bytes of code, at least 16 KB: below that, cutting costs more than it saves."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 16 * 1024:
        raise ConfigError(f"[tool.leaklint] {key}: expected a number of bytes, at least 16384 (got {value!r})")
    return value


def _models(value: Any) -> str:
    from leaklint.models import ModelError, user_models_from_table

    try:
        return user_models_from_table(value)
    except ModelError as error:
        raise ConfigError(str(error)) from None


def settings_from_table(table: Mapping[str, Any], root: str, config_file: Optional[str]) -> Settings:
    """Validate a [tool.leaklint] table. Raises ConfigError naming the first bad key."""
    values: Dict[str, Any] = {"root": root, "config_file": config_file}
    rule_options: Dict[str, Dict[str, Any]] = {}
    ignore: Tuple[str, ...] = ()
    for key, value in table.items():
        rule = rule_by_code(key) if key.upper().startswith("LKL") else None
        if rule is not None:
            if not isinstance(value, dict):
                raise ConfigError(f"[tool.leaklint.{key}]: expected a table of options")
            known = {option.name: option for option in rule.options}
            for option_name, option_value in value.items():
                if option_name not in known:
                    names = ", ".join(sorted(known)) or "none"
                    hint = did_you_mean(option_name, known)
                    raise ConfigError(f"[tool.leaklint.{key}] {option_name}: unknown option{hint} (known: {names})")
                rule_options.setdefault(rule.code, {})[option_name] = _check_option_type(
                    f"[tool.leaklint.{key}] {option_name}", known[option_name].type, option_value
                )
            continue
        if key not in _TOP_LEVEL_KEYS:
            hint = did_you_mean(key, _TOP_LEVEL_KEYS) or (code_suggestion(key) if key.upper().startswith("LKL") else "")
            raise ConfigError(f"[tool.leaklint] {key}: unknown key{hint}")
        try:
            if key == "select":
                values["select"] = _string_list(key, value)
                validate_prefixes(values["select"], f"[tool.leaklint] {key}")
            elif key in ("ignore", "extend-ignore"):
                ignore += _string_list(key, value)
                validate_prefixes(ignore, f"[tool.leaklint] {key}")
            elif key == "extend-select":
                values["extend_select"] = _string_list(key, value)
                validate_prefixes(values["extend_select"], f"[tool.leaklint] {key}")
            elif key == "exclude":
                values["exclude"] = _string_list(key, value)
            elif key == "extend-exclude":
                values["extend_exclude"] = _string_list(key, value)
            elif key == "per-file-ignores":
                if not isinstance(value, dict):
                    raise ConfigError(f"[tool.leaklint] {key}: expected a table of glob = [codes]")
                pairs = []
                for pattern, codes in value.items():
                    codes_tuple = _string_list(f"{key}.{pattern!r}", codes)
                    validate_prefixes(codes_tuple, f"[tool.leaklint] {key} {pattern!r}")
                    pairs.append((pattern, codes_tuple))
                values["per_file_ignores"] = tuple(pairs)
            elif key == "unsafe-fixes":
                values["unsafe_fixes"] = _check_option_type(f"[tool.leaklint] {key}", bool, value)
            elif key == "cache-dir":
                values["cache_dir"] = _check_option_type(f"[tool.leaklint] {key}", str, value)
            elif key == "models":
                values["models"] = _models(value)
            elif key == "segment-size":
                values["segment_size"] = _segment_size(key, value)
            elif key == "profile":
                values["profile"] = check_profile(f"[tool.leaklint] {key}", value)
        except UnknownCodeError as error:
            raise ConfigError(str(error)) from None
    values["ignore"] = ignore
    source = config_file or "pyproject.toml"
    values["origins"] = tuple((key, source) for key in table if rule_by_code(key) is None) + tuple(
        (f"{code}.{name}", source) for code, options in sorted(rule_options.items()) for name in sorted(options)
    )
    values["rule_options"] = tuple(
        (code, tuple(sorted(options.items()))) for code, options in sorted(rule_options.items())
    )
    return Settings(**values)


def load_settings(start: Path, explicit: Optional[Path] = None) -> Settings:
    """Settings from ``explicit`` or the nearest pyproject.toml with [tool.leaklint] above ``start``."""
    config = explicit if explicit is not None else find_config(start)
    if config is None:
        return Settings(root=str(Path.cwd()))
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{config}: cannot read: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{config}: not valid TOML: {error}") from None
    except RecursionError:
        # tomllib recurses once per nesting level: a checkout's pyproject must not crash the run.
        raise ConfigError(f"{config}: not valid TOML: nested too deeply") from None
    table = data.get("tool", {}).get("leaklint", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{config}: [tool.leaklint] must be a table")
    try:
        return settings_from_table(table, str(config.parent), str(config))
    except ConfigError as error:
        raise ConfigError(f"{config}: {error}") from None


def check_profile(where: str, value: Any) -> str:
    if value not in PROFILES:
        raise ConfigError(f"{where}: expected one of {', '.join(PROFILES)}, got {value!r}")
    return str(value)


def with_overrides(settings: Settings, **overrides: Any) -> Settings:
    """Command-line values win over the file's; None means "not given"."""
    given = {key: value for key, value in overrides.items() if value is not None}
    for key in ("select", "ignore", "extend_select"):
        if key in given:
            try:
                validate_prefixes(given[key], f"--{key.replace('_', '-')}")
            except UnknownCodeError as error:
                raise ConfigError(str(error)) from None
    if "profile" in given:
        check_profile("--profile", given["profile"])
    if "ignore" in given:
        given["ignore"] = settings.ignore + tuple(given["ignore"])
    if "extend_select" in given:
        given["extend_select"] = settings.extend_select + tuple(given["extend_select"])
    if "extend_exclude" in given:
        given["extend_exclude"] = settings.extend_exclude + tuple(given["extend_exclude"])
    if given:
        given["origins"] = settings.origins + tuple((key.replace("_", "-"), "command line") for key in given)
    return replace(settings, **given)


def all_rule_codes() -> Sequence[str]:
    return [rule.code for rule in all_rules()]
