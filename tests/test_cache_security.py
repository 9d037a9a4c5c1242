"""Issue 21: a checkout cannot make leaklint run its code, or hide a finding, through the cache.

The reproduction from the issue plants, next to the project, an entry that the old cache read
with ``pickle.loads``: a payload whose ``__reduce__`` calls ``os.system("touch PWNED")`` behind a
recomputed content digest and checksum. Every variant below (pickle, oversized, malformed, a forged
"no findings" result) must run no code and lose no finding, through the CLI, flake8 and the
language server.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Callable, Dict, FrozenSet, List, NamedTuple

import pytest

from robust_helpers import Run, run_subprocess

LEAKY = "X = [0] * 10 ** 12\n"
CLEAN = "SIZE = 1\n"
NOT_ENTRIES = {".gitignore", "CACHEDIR.TAG", "cache-key"}


class _Pair(NamedTuple):
    first: int
    second: FrozenSet[str]


class _Payload:
    """Unpickling this runs ``touch`` of a marker file: the exploit of the issue."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, (f"touch {self.marker}",))


def _old_format_entry(data: bytes, marker: Path) -> bytes:
    """An entry as the pickle cache wrote them: format line, content digest, checksum, pickle."""
    payload = pickle.dumps(_Payload(marker), protocol=4)
    digest = hashlib.blake2b(data, digest_size=32).digest()
    return b"LKLC1\n" + digest + hashlib.blake2b(payload, digest_size=16).digest() + payload


def _forged_clean_entry(real: bytes) -> bytes:
    """Keep whatever header a real entry has, and replace its body with a result without findings."""
    body = json.dumps({"path": "a.py", "findings": [], "facts": {}, "suppressions": {"lines": [], "file": []}}).encode()
    start = real.find(b"{")
    return (real[:start] if start > 0 else real[:96]) + body


def _all_entries(*folders: Path) -> List[Path]:
    found: List[Path] = []
    for folder in folders:
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.is_file() and p.name not in NOT_ENTRIES]
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "checkout"
    root.mkdir()
    (root / "a.py").write_text(LEAKY, encoding="utf-8")
    (root / "b.py").write_text(CLEAN, encoding="utf-8")
    return root


def _check(project: Path, *extra: str) -> Run:
    return run_subprocess(["check", "--format", "concise", "--jobs", "1", *extra, "."], project)


def _old_locations(project: Path) -> List[Path]:
    """Where the pickle cache put entries (``.leaklint_cache/<version>/<ab>/<rest>.pickle``)."""
    from leaklint import __version__

    return [project / ".leaklint_cache" / __version__]


PLANTS: Dict[str, Callable[[bytes, bytes, Path], bytes]] = {
    "pickle": lambda real, data, marker: _old_format_entry(data, marker),
    "pickle-behind-real-header": lambda real, data, marker: real[:128] + pickle.dumps(_Payload(marker), protocol=4),
    "malformed": lambda real, data, marker: real[: len(real) // 2] + b"\xff{not json",
    "forged-clean": lambda real, data, marker: _forged_clean_entry(real),
}


@pytest.mark.parametrize("kind", sorted(PLANTS))
def test_planted_entries_run_nothing_and_hide_nothing_in_the_cli(kind: str, project: Path, tmp_path: Path) -> None:
    cold = _check(project)
    assert cold.code == 1 and [f[3] for f in cold.findings()] == ["LKL501"], cold.err
    marker = tmp_path / "PWNED"
    data = (project / "a.py").read_bytes()
    user_cache = Path(os.environ["XDG_CACHE_HOME"])
    entries = _all_entries(project / ".leaklint_cache", user_cache / "leaklint")
    assert entries, "the cold run wrote entries"
    for entry in entries:
        entry.write_bytes(PLANTS[kind](entry.read_bytes(), data, marker))
    # And the exploit exactly as the issue describes it, where the pickle cache looked.
    for folder in _old_locations(project):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "planted.pickle").write_bytes(_old_format_entry(data, marker))
    warm = _check(project)
    assert not marker.exists(), "a planted cache entry ran code"
    assert "Traceback" not in warm.err, warm.err
    assert (warm.code, warm.out) == (cold.code, cold.out)


def test_oversized_entry_is_a_miss_and_is_not_read(project: Path) -> None:
    cold = _check(project)
    entries = _all_entries(Path(os.environ["XDG_CACHE_HOME"]) / "leaklint")
    assert entries
    for entry in entries:
        with open(entry, "r+b") as handle:
            handle.truncate(1 << 30)  # sparse: 1 GiB that costs no disk
    warm = _check(project)
    assert "Traceback" not in warm.err, warm.err
    assert (warm.code, warm.out) == (cold.code, cold.out)


def test_flake8_reads_no_cache(project: Path, tmp_path: Path) -> None:
    """The plugin analyses each file afresh: an entry planted anywhere changes nothing."""
    marker = tmp_path / "PWNED"
    data = (project / "a.py").read_bytes()
    for folder in _old_locations(project) + [project / ".leaklint_cache"]:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "planted.pickle").write_bytes(_old_format_entry(data, marker))
    run = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "LKL", "--jobs", "1", "a.py", "b.py"],
        cwd=project, capture_output=True, text=True, timeout=300,
    )
    assert "LKL501" in run.stdout, run.stderr
    assert not marker.exists()
    import leaklint.flake8_plugin as plugin

    assert "cache" not in {name.split(".")[-1] for name in vars(plugin)}, "the plugin does not use the cache module"


# -- the codec: data in, the same data out; nothing else gets in ------------------------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_real_facts_and_findings_round_trip_exactly(tmp_path: Path) -> None:
    from leaklint.cache import Cache
    from leaklint.config import Settings
    from leaklint.engine import analyze_source
    from leaklint.registry import all_rules

    settings = Settings(root=str(FIXTURES))
    cache = Cache(tmp_path / "cache", settings, text_edits=True)
    rules = list(all_rules())
    checked = 0
    # Every fixture, with every rule: a rule whose facts do not encode would silently never be
    # cached (a slow warm run), and this would fail.
    for path in sorted(FIXTURES.rglob("*.py")):
        data = path.read_bytes()
        result = analyze_source(data, str(path), rules, {}, text_edits=True).result
        cache.store(str(path), data, result)
        loaded = cache.load(str(path), data)
        assert loaded == result, path
        assert [type(v) for v in loaded.facts.values()] == [type(v) for v in result.facts.values()]
        checked += bool(result.facts) + bool(result.findings)
    assert checked > 20, "the fixtures have facts and findings to round-trip"


def test_generic_values_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    # A named tuple "defined in a leaklint module", as a rule's facts may use.
    monkeypatch.setattr(_Pair, "__module__", "leaklint.rule")
    monkeypatch.setattr(sys.modules["leaklint.rule"], "_Pair", _Pair, raising=False)

    from leaklint.cachecodec import encode_value, loads
    from leaklint.rule import Confidence, Location

    value = {
        "plain": [1, 2.5, float("inf"), True, None, "é\U0001f600"],
        "nested": {"t": (1, ("a", [None])), "s": {3, 4}, "fs": frozenset({"x"})},
        "$dollar key": {1: "int key", (1, 2): "tuple key", None: False},
        "objects": [Location(1, 2, 3, 4), Confidence.MEDIUM, (), _Pair(1, frozenset({"a"}))],
    }
    assert loads(json.dumps(encode_value(value)).encode()) == value
    decoded = loads(json.dumps(encode_value(value)).encode())
    assert type(decoded["nested"]["t"]) is tuple and type(decoded["nested"]["fs"]) is frozenset
    assert type(decoded["objects"][0]) is Location and decoded["objects"][1] is Confidence.MEDIUM
    assert type(decoded["objects"][3]) is _Pair and decoded["objects"][3].second == frozenset({"a"})


@pytest.mark.parametrize(
    "document",
    [
        {"$c": "os:system", "f": ["touch PWNED"]},
        {"$n": "leaklint.rule:Location", "f": [1, 2, 3, 4]},  # a dataclass is not a named tuple
        {"$c": "leaklint.cache:Cache", "f": []},  # loaded, but not a dataclass
        {"$c": "leaklint.not_loaded_anywhere:Thing", "f": []},
        {"$c": "leaklint.rule:Location", "f": [1, 2, 3]},  # one field short
        {"$c": "leaklint.rule:Location.__class__", "f": []},
        {"$e": "leaklint.rule:Confidence", "v": "certain"},
        {"$e": "builtins:object", "v": 1},
        {"$x": [1]},
        {"$s": [[1, 2]]},  # a list cannot be a set member
        {"$d": [[[1], 2]]},
        {"$t": "not a list"},
        {"a": 1, "$t": [1]},
    ],
)
def test_decoder_refuses_anything_but_plain_data_and_leaklint_dataclasses(document: object) -> None:
    from leaklint.cachecodec import DecodeError, loads

    with pytest.raises(DecodeError):
        loads(json.dumps(document).encode())
    assert "leaklint.not_loaded_anywhere" not in sys.modules


def test_encoder_refuses_objects_that_are_not_data() -> None:
    from leaklint.cachecodec import DecodeError, encode_value

    for value in (object(), Path("x"), lambda: 1, {"k": {1, object()}}):
        with pytest.raises(DecodeError):
            encode_value(value)


# -- entries a checkout cannot forge ----------------------------------------------------------------


def _stored(tmp_path: Path):  # type: ignore[no-untyped-def]
    from leaklint.cache import Cache
    from leaklint.config import Settings
    from leaklint.engine import analyze_source
    from leaklint.registry import all_rules

    (tmp_path / "a.py").write_text(LEAKY)
    (tmp_path / "b.py").write_text(LEAKY)
    settings = Settings(root=str(tmp_path))
    cache = Cache(tmp_path / "cache", settings)
    for name in ("a.py", "b.py"):
        path = str(tmp_path / name)
        cache.store(path, LEAKY.encode(), analyze_source(LEAKY, path, list(all_rules()), {}).result)
    return cache, str(tmp_path / "a.py"), str(tmp_path / "b.py")


def test_entry_copied_to_another_file_is_a_miss(tmp_path: Path) -> None:
    cache, a, b = _stored(tmp_path)
    assert cache.load(b, LEAKY.encode()) is not None
    cache.entry_path(b).write_bytes(cache.entry_path(a).read_bytes())
    assert cache.load(b, LEAKY.encode()) is None
    assert cache.load(a, LEAKY.encode()) is not None


def test_entry_made_with_another_key_is_a_miss(tmp_path: Path) -> None:
    """What a checkout can compute: the whole format, with any key but the user's."""
    from leaklint.cache import Cache
    from leaklint.config import Settings
    from leaklint.engine import FileResult

    cache, a, _ = _stored(tmp_path)
    forger = Cache(tmp_path / "cache", Settings(root=str(tmp_path)), key=b"k" * 32)
    forger.store(a, LEAKY.encode(), FileResult(a))  # "no findings"
    loaded = cache.load(a, LEAKY.encode())
    assert loaded is None


def test_the_key_is_private_and_a_public_one_turns_the_cache_off(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from leaklint import cache as cache_module
    from leaklint.config import Settings

    folder = tmp_path / "user"
    key = cache_module.load_key(folder)
    assert len(key) == 32 and cache_module.load_key(folder) == key
    if os.name != "posix":
        return
    assert (folder / "cache-key").stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    os.chmod(folder / "cache-key", 0o644)  # as `git checkout` would write a planted key
    with pytest.raises(cache_module.CacheKeyError):
        cache_module.load_key(folder)
    os.chmod(folder / "cache-key", 0o600)
    (folder / "link").symlink_to(folder / "cache-key")
    with pytest.raises(OSError):
        cache_module._read_key(folder / "link")

    mine = Path(os.environ["XDG_CACHE_HOME"]) / "leaklint" / "cache-key"
    cache_module.load_key()
    os.chmod(mine, 0o644)
    try:
        assert cache_module.open_cache(Settings(root=str(tmp_path))) is None
        assert "the cache is off" in capsys.readouterr().err
    finally:
        os.chmod(mine, 0o600)


# -- cache-dir from the project's own pyproject -----------------------------------------------------


def _write_config(project: Path, cache_dir: str) -> None:
    (project / "pyproject.toml").write_text(f'[tool.leaklint]\ncache-dir = "{cache_dir}"\n', encoding="utf-8")


@pytest.mark.parametrize("where", ["absolute", "parent", "symlink"])
def test_project_config_cannot_point_the_cache_outside_the_project(where: str, project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other-project-cache"
    other.mkdir()
    if where == "absolute":
        _write_config(project, str(other))
    elif where == "parent":
        _write_config(project, "../other-project-cache")
    else:
        (project / "cache-link").symlink_to(other, target_is_directory=True)
        _write_config(project, "cache-link")
    run = _check(project)
    assert run.code == 1 and [f[3] for f in run.findings()] == ["LKL501"], run.err
    assert "is outside the project" in run.err
    assert list(other.iterdir()) == [], "nothing was written into the other folder"
    from leaklint.cache import project_directory

    assert _all_entries(project_directory(str(project)))


def test_project_config_cache_dir_inside_the_project_and_command_line_cache_dir_are_honoured(
    project: Path, tmp_path: Path
) -> None:
    _write_config(project, ".cache/leaklint")
    first = _check(project)
    assert "warning" not in first.err
    assert _all_entries(project / ".cache" / "leaklint")
    elsewhere = tmp_path / "chosen-by-the-user"
    second = _check(project, "--cache-dir", str(elsewhere))
    assert second.out == first.out and _all_entries(elsewhere)


def test_symlink_planted_inside_the_cache_folder_does_not_redirect_writes(project: Path, tmp_path: Path) -> None:
    from leaklint.cache import Cache
    from leaklint.config import Settings
    from leaklint.engine import FileResult

    cache_folder = project / ".leaklint_cache"
    outside = tmp_path / "outside"
    outside.mkdir()
    settings = Settings(root=str(project))
    cache = Cache(cache_folder, settings)
    path = str(project / "a.py")
    entry = cache.entry_path(path)
    entry.parent.parent.mkdir(parents=True)
    entry.parent.symlink_to(outside, target_is_directory=True)
    cache.store(path, LEAKY.encode(), FileResult(path))
    assert list(outside.iterdir()) == []


# -- the language server ----------------------------------------------------------------------------


def test_server_reads_no_cache_entry(project: Path, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    pytest.importorskip("pygls")
    from lsp_driver import LspProcess

    marker = tmp_path / "PWNED"
    data = (project / "a.py").read_bytes()
    _check(project)  # fill the cache, then plant the exploit in every entry and the old place
    for entry in _all_entries(Path(os.environ["XDG_CACHE_HOME"]) / "leaklint"):
        entry.write_bytes(_old_format_entry(data, marker))
    for folder in _old_locations(project):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "planted.pickle").write_bytes(_old_format_entry(data, marker))
    server = LspProcess([sys.executable, "-m", "leaklint", "server"], project)
    request.addfinalizer(server.kill)
    server.initialize(project)
    uri = (project / "a.py").as_uri()
    server.open(uri, LEAKY)
    assert [d["code"] for d in server.diagnostics(uri, version=1)] == ["LKL501"]
    assert server.shutdown_and_exit() == 0
    assert not marker.exists()
