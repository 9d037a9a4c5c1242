"""API models: the shipped tables, their validation, the query functions, and user extension
through a real pyproject.toml, the CLI and an installed (non-editable) wheel."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, Dict

import pytest

from conftest import ROOT
from leaklint import models
from leaklint.analysis.resources import CATALOGUE, FILE, RESOURCE
from leaklint.config import ConfigError, load_settings, settings_from_table
from leaklint.models import RECEIVER, ModelError
from leaklint.models.schema import parse_table
from leaklint.runner import lint_paths

DATA = ROOT / "src" / "leaklint" / "models" / "data"


def test_every_shipped_table_loads_and_says_what_it_covers() -> None:
    names = sorted(path.name for path in DATA.glob("*.toml"))
    assert len(names) >= 10
    for name in names:
        table = models.load_table_text(name, (DATA / name).read_text(encoding="utf-8"))
        assert any(table.values()), f"{name} has no entries"
    shipped = models.shipped()
    origins = {entry.table for section in (shipped.acquire, shipped.retain, shipped.returns) for entry in section.values()}
    assert origins >= {"stdlib_io.toml", "sockets.toml", "databases.toml", "process_registries.toml", "builtins.toml"}


def test_catalogue_comes_from_the_models() -> None:
    shipped = models.shipped()
    files = {q for q, a in shipped.acquire.items() if a.category == "file"}
    # event loops and logging handlers are resources their owner must close (LKL302)
    resources = {q for q, a in shipped.acquire.items() if a.category in ("resource", "loop", "handler")}
    assert {q for q, k in CATALOGUE.items() if k.family == FILE} == files
    assert {q for q, k in CATALOGUE.items() if k.family == RESOURCE} == resources
    # threads and tasks are modelled, but the resource rules do not check them
    assert shipped.acquire["threading.Thread"].category == "thread" and "threading.Thread" not in CATALOGUE
    sqlite = CATALOGUE["sqlite3.connect"]
    assert sqlite.with_closes is False and sqlite.var == "conn"  # `with conn:` commits, does not close
    popen = CATALOGUE["subprocess.Popen"]
    assert popen.with_changes_behaviour and popen.with_release == "wait" and popen.release == ("wait", "communicate")
    mkstemp = CATALOGUE["tempfile.mkstemp"]
    assert mkstemp.fd and mkstemp.tuple_items == (0,) and not mkstemp.can_use_with
    assert CATALOGUE["httpx.AsyncClient"].is_async and CATALOGUE["aiohttp.ClientSession"].is_async
    assert CATALOGUE["tempfile.TemporaryDirectory"].enter_returns_self is False


@pytest.mark.parametrize(
    "qualname, index, keeps",
    [
        ("builtins.map", 0, True),
        ("builtins.map", 3, True),
        ("builtins.enumerate", 0, True),
        ("builtins.enumerate", 1, False),
        ("builtins.filter", 1, True),
        ("builtins.zip", 2, True),
        ("csv.reader", 0, True),
        ("sqlite3.Connection.execute", RECEIVER, True),
        ("sqlite3.Connection.execute", 0, False),
        ("sqlite3.Connection.cursor", RECEIVER, True),
        ("tarfile.TarFile.extractfile", RECEIVER, True),
        ("functools.partial", 1, True),
        ("builtins.sorted", 0, False),
        ("builtins.list", 0, False),
        ("not.modelled", 0, False),
    ],
)
def test_derived_keeps_reference(qualname: str, index: int, keeps: bool) -> None:
    assert models.derived_keeps_reference(qualname, index) is keeps


def test_keyword_and_modelled_queries() -> None:
    assert models.derived_keeps_keyword("io.TextIOWrapper", "buffer")
    assert not models.derived_keeps_keyword("io.TextIOWrapper", "encoding")
    assert models.is_modelled("builtins.abs") is False and models.is_modelled("builtins.map")
    assert models.is_modelled("builtins.sorted")  # a borrower: known not to keep its argument


def test_retain_entries_for_process_lifetime_registries() -> None:
    atexit = models.retention("atexit.register")
    assert atexit is not None and atexit.until == "process" and atexit.keeps(0) and atexit.keeps(5)
    assert atexit.undo == "atexit.unregister"
    finalize = models.retention("weakref.finalize")
    assert finalize is not None and finalize.until == "referent" and finalize.referent == 0
    assert finalize.keeps(1) and finalize.keeps(2) and not finalize.keeps(0)  # the referent is weak
    signal = models.retention("signal.signal")
    assert signal is not None and signal.keeps(1) and not signal.keeps(0)
    logger = models.retention("logging.getLogger")
    assert logger is not None and logger.key == 0
    assert models.releaser("os.close") is not None and models.releaser("atexit.unregister") is not None
    cache = models.cache_decorator("functools.lru_cache")
    assert cache is not None and cache.bounded_by == "maxsize" and cache.default_bound == 128
    assert models.cache_decorator("functools.cache").default_bound is None  # type: ignore[union-attr]


def test_signal_libraries_match_by_longest_prefix() -> None:
    django = models.signal_library("django.db.models.signals.post_save")
    assert django is not None and django.weak_by_default and django.weak_keyword == "weak"
    assert models.signal_library("blinker.signal") is not None
    assert models.signal_library("djangoish.signal") is None


@pytest.mark.parametrize(
    "table, message",
    [
        ({"aquire": {}}, "aquire: unknown key (known: acquire, retain"),
        ({"acquire": {"mylib.connect": {"category": "resource", "relase": "x"}}}, 'acquire."mylib.connect".relase: unknown key'),
        ({"acquire": {"mylib.connect": {"release": "close"}}}, 'acquire."mylib.connect".category: missing'),
        ({"acquire": {"mylib.connect": {"category": "socket"}}}, "'socket' is not one of file, resource"),
        ({"acquire": {"mylib.connect": {"category": "file", "async": "yes"}}}, ".async: expected true or false"),
        ({"acquire": {"mylib.connect": "close"}}, 'acquire."mylib.connect": expected a table of keys'),
        ({"acquire": {"mylib.": {"category": "file"}}}, "is not a qualified name"),
        ({"retain": {"mylib.on": {"args": [-1]}}}, "expected an argument index"),
        ({"retain": {"mylib.on": {"until": "forever", "args": 0}}}, "'forever' is not one of process, referent, receiver"),
        ({"retain": {"mylib.on": {"until": "referent", "args": "*"}}}, "referent: missing"),
        ({"retain": {"mylib.on": {"undo": "mylib.off"}}}, "says nothing is retained"),
        ({"retain": {"mylib.on": {"args": 0, "slot": "yes"}}}, "slot: expected true or false"),
        ({"returns": {"mylib.wrap": {}}}, "keeps: missing"),
        ({"returns": {"mylib.wrap": {"keeps": 0, "copies": True}}}, "copies: unknown key"),
        ({"cache": {"mylib.memo": {"default-bound": -1}}}, "default-bound: expected a non-negative integer"),
        ({"release": "os.close"}, 'release: expected a table of "qualified.name"'),
        ({"register": {"mylib.on": {}}}, 'register."mylib.on".undo: missing'),
        ({"register": {"mylib.on": {"undo": "remove"}}}, "is not \"returned()\""),
        ({"register": {"mylib.on": {"undo": "returned()", "method": 1}}}, "method: expected true or false"),
    ],
)
def test_validation_errors_name_the_key(table: Dict[str, Any], message: str) -> None:
    with pytest.raises(ModelError) as raised:
        parse_table(table, "[tool.leaklint.models]", "pyproject")
    assert message in str(raised.value)
    assert str(raised.value).startswith("[tool.leaklint.models] ")


def test_a_broken_shipped_table_names_its_file() -> None:
    with pytest.raises(ModelError, match=r"^broken\.toml: not valid TOML"):
        models.load_table_text("broken.toml", "[acquire\n")
    with pytest.raises(ModelError, match=r'^odd\.toml\.acquire\."x\.y"\.name: expected a non-empty string'):
        models.load_table_text("odd.toml", '[acquire]\n"x.y" = { category = "file", name = "" }\n')


def test_config_rejects_bad_models_through_config_error() -> None:
    with pytest.raises(ConfigError, match=r'\[tool\.leaklint\.models\] retain\."a\.b"\.keywords'):
        settings_from_table({"models": {"retain": {"a.b": {"keywords": 3}}}}, ".", None)
    with pytest.raises(ConfigError, match=r"\[tool\.leaklint\.models\]: expected a table"):
        settings_from_table({"models": ["x"]}, ".", None)


def test_user_models_extend_and_override_the_shipped_ones() -> None:
    settings = settings_from_table(
        {
            "models": {
                "acquire": {
                    "mylib.connect": {"category": "resource", "name": "conn"},
                    "sqlite3.connect": {"category": "resource", "name": "db"},
                },
                "returns": {"mylib.rows": {"keeps": [0]}},
                "retain": {"mylib.on_exit": {"args": 0, "undo": "mylib.off"}},
            }
        },
        ".",
        None,
    )
    rule_settings = settings.rule_settings()
    merged = models.for_settings(rule_settings["LKL101"])
    assert merged.acquire["mylib.connect"].table == "pyproject"
    assert merged.acquire["sqlite3.connect"].name == "db"  # the user's entry wins
    assert merged.acquire["builtins.open"].table == "stdlib_io.toml"  # the rest stays
    assert models.derived_keeps_reference("mylib.rows", 0, merged)
    assert not models.derived_keeps_reference("mylib.rows", 0)  # the shipped set is untouched
    assert set(rule_settings["LKL302"]["extra-resources"]) == {"mylib.connect", "sqlite3.connect"}
    assert "extra-resources" not in rule_settings.get("LKL301", {})
    assert models.for_settings({}) is models.shipped()
    # the models take part in the cache key, the shipped tables' text too
    assert settings.fingerprint() != settings_from_table({}, ".", None).fingerprint()
    assert models.shipped_digest() in settings.fingerprint()


def _project(tmp_path: Path, pyproject: str) -> None:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "m.py").write_text(
        "import mylib\n\n\ndef f():\n    c = mylib.connect()\n    c.query()\n", encoding="utf-8"
    )


USER_RESOURCE = '[tool.leaklint.models.acquire]\n"mylib.connect" = { category = "resource", name = "conn" }\n'


def test_user_acquire_reaches_the_resource_rule_through_pyproject(tmp_path: Path) -> None:
    _project(tmp_path, USER_RESOURCE)
    report = lint_paths([str(tmp_path / "m.py")], load_settings(tmp_path))
    assert [(f.code, f.line) for f in report.findings] == [("LKL302", 5)]
    (tmp_path / "n.py").write_text("import mylib\n\n\ndef f():\n    mylib.connect().query()\n", encoding="utf-8")
    unbound = lint_paths([str(tmp_path / "n.py")], load_settings(tmp_path)).findings
    assert "with mylib.connect() as conn:" in unbound[0].suggestion  # the model's `name`
    _project(tmp_path, "[tool.leaklint]\n")
    assert lint_paths([str(tmp_path / "m.py")], load_settings(tmp_path)).findings == []


def _cli(args: list, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "leaklint", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_cli_reads_user_models_and_reports_bad_ones(tmp_path: Path) -> None:
    _project(tmp_path, USER_RESOURCE)
    done = _cli(["check", "m.py", "--no-cache"], tmp_path)
    assert done.returncode == 1 and "m.py:5:" in done.stdout and "LKL302" in done.stdout
    _project(tmp_path, USER_RESOURCE.replace("category", "categry"))
    done = _cli(["check", "m.py", "--no-cache"], tmp_path)
    assert done.returncode == 2
    assert '[tool.leaklint.models] acquire."mylib.connect".categry: unknown key' in done.stderr
    assert "Traceback" not in done.stderr


def test_installed_wheel_ships_and_finds_the_tables(tmp_path: Path) -> None:
    # Build from a copy: setuptools leaves build/ and *.egg-info behind in the tree it builds.
    project = tmp_path / "project"
    shutil.copytree(ROOT / "src", project / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist"), str(project)],
        capture_output=True, text=True, timeout=300,
    )
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {built.stderr.strip()[-200:]}")
    wheel = next((tmp_path / "dist").glob("leaklint-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if name.startswith("leaklint/models/data/")}
        assert {f"leaklint/models/data/{path.name}" for path in DATA.glob("*.toml")} == shipped
        archive.extractall(tmp_path / "site")
    probe = (
        "import json, leaklint, leaklint.models as m, leaklint.analysis.resources as r;"
        "print(json.dumps([leaklint.__file__, len(m.shipped().acquire), 'sqlite3.connect' in r.CATALOGUE]))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"}, cwd=tmp_path,
    )
    assert ran.returncode == 0, ran.stderr
    location, count, has_sqlite = json.loads(ran.stdout)
    assert location.startswith(str(tmp_path / "site"))
    assert count == len(models.shipped().acquire) and has_sqlite


def test_method_models_through_the_creating_call() -> None:
    cursor = models.method_of("sqlite3.connect", "cursor")
    assert cursor == "sqlite3.Connection.cursor" and models.derived_keeps_reference(cursor, RECEIVER)
    assert models.method_of("tarfile.open", "extractfile") == "tarfile.TarFile.extractfile"
    assert models.method_of("zipfile.ZipFile", "open") == "zipfile.ZipFile.open"  # the class itself
    assert models.derived_keeps_reference(models.method_of("zipfile.ZipFile", "open"), RECEIVER)
    with pytest.raises(ModelError, match=r'acquire\."x\.y"\.type: .* is not a qualified name'):
        parse_table({"acquire": {"x.y": {"category": "file", "type": "no such"}}}, "models", "t")


def test_stdlib_and_device_models_added_in_round_nine() -> None:
    """Servers release with server_close() (BaseServer.__exit__ calls it); sounddevice's `with`
    also starts and stops the stream; PyAudio has no `with` (terminate()); asyncio streams' writer
    is the second item and has no `with`; more one-value hooks and cachetools policies."""
    server = CATALOGUE["http.server.HTTPServer"]
    assert server.family == RESOURCE and server.release == ("server_close",) and server.with_release == "server_close"
    assert server.can_use_with and not server.with_changes_behaviour
    stream = CATALOGUE["sounddevice.InputStream"]
    assert stream.with_changes_behaviour and stream.release == ("close",)
    audio = CATALOGUE["pyaudio.PyAudio"]
    assert audio.release == ("terminate",) and not audio.can_use_with
    writer = CATALOGUE["asyncio.open_connection"]
    assert writer.tuple_items == (1,) and not writer.with_closes
    assert CATALOGUE["os.openpty"].fd and CATALOGUE["os.openpty"].tuple_items == (0, 1)
    assert CATALOGUE["tables.open_file"].family == FILE
    # readers over the caller's file object hold nothing (sndhdr); a Connection closes itself
    assert "wave.open" not in CATALOGUE and "multiprocessing.connection.Client" not in CATALOGUE
    for hook in ("threading.settrace_all_threads", "readline.set_startup_hook", "logging.setLogRecordFactory"):
        retain = models.retention(hook)
        assert retain is not None and retain.slot and retain.until == "process" and retain.keeps(0)
    assert models.cache_decorator("cachetools.func.lfu_cache").default_bound == 128  # type: ignore[union-attr]
    pydispatch = models.signal_library("pydispatch.dispatcher")
    assert pydispatch is not None and pydispatch.weak_by_default


def test_tuple_items_without_a_with_get_no_with_suggestion() -> None:
    """`reader, writer = await asyncio.open_connection(...)`: a StreamWriter has no `with`."""
    from leaklint.fixes.suggestions import tuple_suggestion

    assert "use `with a, b:`" in tuple_suggestion(["a", "b"], "socket.socketpair()", "close")
    text = tuple_suggestion(["writer"], "asyncio.open_connection(host, 80)", "close", with_closes=False)
    assert "with writer" not in text and "`.close()` on `writer` in a `finally:` block" in text
