"""`leaklint server`: the real process over stdio, driven by a small JSON-RPC client.

Each session test starts one server process (about 2 s) and walks a whole editing session, so
the suite pays for few start-ups. Every wait is bounded (lsp_driver.DEFAULT_TIMEOUT).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

pytest.importorskip("pygls")

from lsp_driver import LspProcess, apply_edits, edits_for, utf16_length  # noqa: E402

from leaklint.server.noqa import noqa_edit  # noqa: E402
from leaklint.server.positions import from_client, split_lines, to_client  # noqa: E402

TESTS = Path(__file__).resolve().parent
LEAK = "[0] * 10 ** 12"


class Utf16:
    @staticmethod
    def client_num_units(text: str) -> int:
        return utf16_length(text)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.leaklint]\nper-file-ignores = { "generated_*.py" = ["LKL501"] }\n', encoding="utf-8"
    )
    return tmp_path


def start(argv: List[str], root: Path, request: pytest.FixtureRequest) -> LspProcess:
    server = LspProcess(argv, root)
    request.addfinalizer(server.kill)
    return server


def by_code(diagnostics: List[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    result: Dict[str, List[Dict[str, Any]]] = {}
    for diagnostic in diagnostics:
        result.setdefault(diagnostic["code"], []).append(diagnostic)
    return result


# -- the real server, real LKL501 findings ---------------------------------------------------------


def test_session_diagnostics_hover_noqa_config_and_clean_exit(project: Path, request: pytest.FixtureRequest) -> None:
    server = start([sys.executable, "-m", "leaklint", "server"], project, request)
    result = server.initialize(project, {"debounce": 0.5})
    capabilities = result["capabilities"]
    assert capabilities["textDocumentSync"]["change"] == 1  # full sync, see positions.py
    assert set(capabilities["codeActionProvider"]["codeActionKinds"]) == {"quickfix", "source.fixAll.leaklint"}
    assert capabilities["hoverProvider"] and capabilities["positionEncoding"] == "utf-16"

    # The file on disk is clean: the server must lint the buffer.
    path = project / "a.py"
    path.write_text("SIZE = 1\n", encoding="utf-8")
    uri = path.as_uri()
    first = f'NAME = "naïve 😋"; X = {LEAK}\n'
    text = first + f"Y = {LEAK}  # noqa: E501\n"
    server.open(uri, text)
    diagnostics = server.diagnostics(uri, version=1)
    assert [d["code"] for d in diagnostics] == ["LKL501", "LKL501"]
    leak = diagnostics[0]
    # UTF-16 columns: the emoji counts two units, "ï" one.
    column = utf16_length(first[: first.index(LEAK)])
    assert column == first.index(LEAK) + 1
    assert leak["range"] == {
        "start": {"line": 0, "character": column},
        "end": {"line": 0, "character": column + len(LEAK)},
    }
    assert leak["severity"] == 2 and leak["source"] == "leaklint"
    assert leak["codeDescription"]["href"].endswith("docs/rules.md#lkl501-memory-exhausting-constant")
    assert "8.0 TB" in leak["message"] and "; fix: " in leak["message"]

    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": leak["range"]["start"]})
    assert hover["contents"]["kind"] == "markdown"
    assert hover["contents"]["value"].startswith("# LKL501 memory-exhausting-constant")
    assert "## What it does" in hover["contents"]["value"]
    assert hover["range"] == leak["range"]
    assert server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}) is None

    # LKL501 has no machine fix: only the noqa action, and no fix-all.
    assert server.code_actions(uri, leak["range"], only=["source.fixAll"]) == []
    actions = server.code_actions(uri, leak["range"])
    assert [a["title"] for a in actions] == ["leaklint: suppress LKL501 on this line with # noqa: LKL501"]
    assert actions[0]["kind"] == "quickfix" and actions[0]["diagnostics"][0]["code"] == "LKL501"
    assert actions[0]["edit"]["documentChanges"][0]["textDocument"]["version"] == 1
    text = apply_edits(text, edits_for(actions[0], uri))
    assert text.splitlines()[0] == f'NAME = "naïve 😋"; X = {LEAK}  # noqa: LKL501'
    server.change(uri, text, 2)
    remaining = server.diagnostics(uri, version=2)
    assert [(d["code"], d["range"]["start"]["line"]) for d in remaining] == [("LKL501", 1)]

    # An existing noqa comment is extended, not duplicated.
    actions = server.code_actions(uri, remaining[0]["range"])
    text = apply_edits(text, edits_for(actions[0], uri))
    assert text.splitlines()[1] == f"Y = {LEAK}  # noqa: E501, LKL501"
    server.change(uri, text, 3)
    assert server.diagnostics(uri, version=3) == []

    # Debounce: quick successive changes are linted once, at the last version.
    for version in (4, 5, 6):
        server.change(uri, f"V{version} = {LEAK}\n", version)
    final = server.diagnostics(uri, version=6)
    assert [d["code"] for d in final] == ["LKL501"] and final[0]["range"]["start"]["line"] == 0
    assert [p.get("version") for p in server.published(uri)] == []

    # Save lints again (from the buffer, which still differs from the disk).
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert [d["code"] for d in server.diagnostics(uri, version=6)] == ["LKL501"]

    # The project's per-file ignores apply.
    ignored = (project / "generated_x.py").as_uri()
    server.open(ignored, f"X = {LEAK}\n")
    assert server.diagnostics(ignored, version=1) == []

    # A broken config is shown to the user once, and nothing is linted under it.
    broken = project / "broken"
    broken.mkdir()
    (broken / "pyproject.toml").write_text("[tool.leaklint]\nbogus = 1\n", encoding="utf-8")
    broken_uri = (broken / "b.py").as_uri()
    server.open(broken_uri, f"X = {LEAK}\n")
    message = server.wait_for("window/showMessage")
    assert message["type"] == 1 and "bogus: unknown key" in message["message"]
    assert server.diagnostics(broken_uri, version=1) == []

    # Files the config excludes (here by the default excludes) are not linted.
    vendored = (project / ".venv" / "lib" / "site.py").as_uri()
    server.open(vendored, f"X = {LEAK}\n")
    assert server.diagnostics(vendored, version=1) == []

    # Editing pyproject.toml re-lints the open documents (the server asked to watch it).
    (registration,) = [r for r in server.server_requests if r["method"] == "client/registerCapability"]
    watchers = registration["params"]["registrations"][0]["registerOptions"]["watchers"]
    assert watchers == [{"globPattern": "**/pyproject.toml"}]
    (project / "pyproject.toml").write_text('[tool.leaklint]\nignore = ["LKL501"]\n', encoding="utf-8")
    changed = {"uri": (project / "pyproject.toml").as_uri(), "type": 2}
    server.notify("workspace/didChangeWatchedFiles", {"changes": [changed]})
    assert server.diagnostics(uri, version=6) == []

    # Closing clears the document's diagnostics.
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert server.diagnostics(uri) == []

    assert server.shutdown_and_exit() == 0
    assert "Traceback" not in server.stderr_text()


def test_utf32_client_syntax_error_and_exit_without_shutdown(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    server = start([sys.executable, "-m", "leaklint", "server"], tmp_path, request)
    result = server.initialize(tmp_path, encodings=["utf-32"])
    assert result["capabilities"]["positionEncoding"] == "utf-32"
    uri = (tmp_path / "emoji.py").as_uri()
    line = f'S = "😋😋"; X = {LEAK}\n'
    server.open(uri, line)
    (leak,) = server.diagnostics(uri, version=1)
    assert leak["range"]["start"]["character"] == line.index(LEAK)  # code points, as negotiated

    # U+2028 and a form feed are not line breaks for LSP (nor for Python), though str.splitlines says so.
    uri = (tmp_path / "separators.py").as_uri()
    server.open(uri, f'S = "\u2028"  # \x0c form feed\nX = {LEAK}\n')
    (leak,) = server.diagnostics(uri, version=1)
    assert leak["range"]["start"] == {"line": 1, "character": 4}

    uri = (tmp_path / "broken.py").as_uri()
    server.open(uri, "x = 1\ndef f(:\n    pass\n")
    (diagnostic,) = server.diagnostics(uri, version=1)
    assert diagnostic["code"] == "LKL001" and diagnostic["severity"] == 1
    assert diagnostic["range"]["start"]["line"] == 1
    assert diagnostic["range"]["end"]["character"] > diagnostic["range"]["start"]["character"]
    assert server.code_actions(uri, diagnostic["range"]) == []  # a noqa cannot silence LKL001
    # Exit without shutdown: exit code 1, as the protocol says.
    server.notify("exit", None)
    assert server.wait() == 1


# -- test-only rules with fixes, injected through the rules_provider seam ---------------------------


def test_quick_fixes_and_fix_all(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    server = start([sys.executable, str(TESTS / "lsp_fixable_server.py")], tmp_path, request)
    server.initialize(tmp_path, {"debounce": 0.05})
    uri = (tmp_path / "m.py").as_uri()
    first = 's = "😋"; leaky = 1\n'
    text = first + f"risky = 2\nX = {LEAK}\n"
    server.open(uri, text)
    codes = by_code(server.diagnostics(uri, version=1))
    assert sorted(codes) == ["LKL501", "LKL990", "LKL991"]
    leaky = codes["LKL990"][0]
    assert leaky["range"]["start"]["character"] == utf16_length(first[: first.index("leaky")])
    assert leaky["codeDescription"]["href"].endswith("#lkl990-test-leaky-name")

    actions = server.code_actions(uri, leaky["range"], only=["quickfix"])
    fix, noqa = actions
    assert fix["title"] == "leaklint: rename `leaky` to `tidy` (LKL990)" and fix["isPreferred"] is True
    assert noqa["title"].startswith("leaklint: suppress LKL990") and not noqa.get("isPreferred")
    (edit,) = edits_for(fix, uri)
    assert edit["range"]["start"]["character"] == utf16_length(first[: first.index("leaky")])
    text = apply_edits(text, [edit])
    assert text.startswith('s = "😋"; tidy = 1\n')
    server.change(uri, text, 2)
    assert sorted(by_code(server.diagnostics(uri, version=2))) == ["LKL501", "LKL991"]

    actions = server.code_actions(uri, {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}})
    unsafe = [a for a in actions if "careful" in a["title"]]
    assert len(unsafe) == 1 and unsafe[0]["isPreferred"] is False and "unsafe" in unsafe[0]["title"]

    # Fix all: the safe fixes only; the unsafe one and the unfixable LKL501 stay.
    text = f's = "😋"; leaky = leaky + 1\nrisky = 2\nX = {LEAK}\n'
    server.change(uri, text, 3)
    assert len(by_code(server.diagnostics(uri, version=3))["LKL990"]) == 2
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 0}}
    quick = server.code_actions(uri, whole, only=["quickfix"])
    assert quick and all(a["kind"] == "quickfix" for a in quick)
    (fix_all,) = server.code_actions(uri, whole, only=["source.fixAll"])
    assert fix_all["kind"] == "source.fixAll.leaklint"
    text = apply_edits(text, edits_for(fix_all, uri))
    assert text == f's = "😋"; tidy = tidy + 1\nrisky = 2\nX = {LEAK}\n'
    server.change(uri, text, 4)
    assert sorted(by_code(server.diagnostics(uri, version=4))) == ["LKL501", "LKL991"]
    assert server.code_actions(uri, whole, only=["source"]) == []  # nothing safe left to fix

    # The noqa action works for a test rule too, and merges with the line's other comment.
    text = text.replace("risky = 2\n", "risky = 2  # why: kept on purpose\n")
    server.change(uri, text, 5)
    risky = by_code(server.diagnostics(uri, version=5))["LKL991"][0]
    (noqa,) = [a for a in server.code_actions(uri, risky["range"]) if "noqa" in a["title"]]
    text = apply_edits(text, edits_for(noqa, uri))
    assert "risky = 2  # why: kept on purpose  # noqa: LKL991\n" in text
    server.change(uri, text, 6)
    assert sorted(by_code(server.diagnostics(uri, version=6))) == ["LKL501"]
    assert server.shutdown_and_exit() == 0


# -- the command line without pygls ----------------------------------------------------------------


def test_many_fixable_findings_reach_the_editor_fast(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    # Fix edits used to be computed per finding by rendering the whole module: 300 findings in
    # 2,000 lines published nothing within 60 s (issue 22). Now under 2 s; the allowance added
    # is the same file's plain analysis in this process, three times over: the server is another
    # process, which gets its own share of a busy machine (the suite runs on every core), and the
    # regression this guards was thirty times slower.
    import time

    sys.path.insert(0, str(TESTS.parent / "bench"))
    from many_findings import many_findings_source

    from leaklint.engine import analyze_source
    from leaklint.registry import all_rules

    text = many_findings_source(300)
    assert text.count("\n") >= 2000
    started = time.perf_counter()
    analyze_source(text, str(tmp_path / "warm.py"), all_rules(), {})
    allowance = time.perf_counter() - started

    server = start([sys.executable, "-m", "leaklint", "server"], tmp_path, request)
    server.initialize(tmp_path, {"debounce": 0})
    uri = (tmp_path / "many.py").as_uri()
    started = time.perf_counter()
    server.open(uri, text)
    diagnostics = server.diagnostics(uri, version=1, timeout=120)
    elapsed = time.perf_counter() - started
    assert len(diagnostics) == 300 and {d["code"] for d in diagnostics} == {"LKL301"}
    assert elapsed < 2.0 + 3 * allowance, f"diagnostics took {elapsed:.2f} s (plain analysis {allowance:.2f} s)"

    last = diagnostics[-1]
    (fix,) = [a for a in server.code_actions(uri, last["range"], only=["quickfix"]) if a.get("isPreferred")]
    fixed = apply_edits(text, edits_for(fix, uri))
    assert fixed.count("with open(path) as") == 1 and fixed.count("json.load(open(path))") == 299
    assert server.shutdown_and_exit() == 0


def test_unused_noqa_reported_and_quick_fixed(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    server = start([sys.executable, "-m", "leaklint", "server"], tmp_path, request)
    server.initialize(tmp_path, {"debounce": 0})
    uri = (tmp_path / "noqa.py").as_uri()
    text = f"X = {LEAK}  # noqa: LKL501\nY = 1  # noqa: LKL501, E501\n"
    server.open(uri, text)
    (diagnostic,) = server.diagnostics(uri, version=1)
    assert diagnostic["code"] == "LKL003" and diagnostic["range"]["start"]["line"] == 1
    fix = next(a for a in server.code_actions(uri, diagnostic["range"], only=["quickfix"]) if a.get("isPreferred"))
    assert apply_edits(text, edits_for(fix, uri)) == f"X = {LEAK}  # noqa: LKL501\nY = 1  # noqa: E501\n"
    assert server.shutdown_and_exit() == 0


CYCLE = (
    "class Alpha:\n    def attach(self, beta: 'Beta') -> None:\n        self.beta = beta\n\n\n"
    "class Beta:\n    def attach(self, gamma: 'Gamma') -> None:\n        self.gamma = gamma\n\n\n"
    "class Gamma:\n    def attach(self, alpha: 'Alpha') -> None:\n        self.alpha = alpha\n"
)


def test_cycle_hops_are_related_information(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    lines = CYCLE.splitlines()
    stores = {text.strip(): number for number, text in enumerate(lines) if " = " in text}
    # A cycle of three plain objects is graded low: the strict profile shows it.
    (tmp_path / "pyproject.toml").write_text('[tool.leaklint]\nprofile = "strict"\n', encoding="utf-8")
    for related_information in (True, False):
        server = start([sys.executable, "-m", "leaklint", "server"], tmp_path, request)
        server.initialize(tmp_path, {"debounce": 0}, related_information=related_information)
        uri = (tmp_path / "cycle.py").as_uri()
        server.open(uri, CYCLE)
        (diagnostic,) = server.diagnostics(uri, version=1)
        assert diagnostic["code"] == "LKL101"
        if not related_information:  # a client that does not say it shows them gets none
            assert "relatedInformation" not in diagnostic
            assert server.shutdown_and_exit() == 0
            continue
        hops = diagnostic["relatedInformation"]
        assert {hop["location"]["uri"] for hop in hops} == {uri}
        assert sorted(hop["location"]["range"]["start"]["line"] for hop in hops) == sorted(stores.values())
        for hop in hops:
            line = hop["location"]["range"]["start"]["line"]
            assert hop["location"]["range"]["start"]["character"] == 8
            assert hop["location"]["range"]["end"] == {"line": line, "character": len(lines[line])}
            assert f"`{lines[line].strip()}`" in hop["message"]
        assert server.shutdown_and_exit() == 0


def test_server_command_without_pygls_says_how_to_install(tmp_path: Path) -> None:
    code = "import sys; sys.modules['pygls'] = None; from leaklint.cli import main; sys.exit(main(['server']))"
    process = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert process.returncode == 2
    assert "pip install 'leaklint[server]'" in process.stderr and "Traceback" not in process.stderr


# -- pure helpers ----------------------------------------------------------------------------------


def test_lines_split_only_where_lsp_splits() -> None:
    text = "a = 1\r\nb = '\u2028'\x0c\rc = 2\nd"
    assert split_lines(text) == ["a = 1\r\n", "b = '\u2028'\x0c\r", "c = 2\n", "d"]


def test_columns_convert_between_code_points_and_utf16() -> None:
    lines = split_lines('s = "😋😋"; x = 1\n')
    assert to_client(Utf16, lines, (0, 10)) == (0, 12)
    assert from_client(Utf16, lines, 0, 12) == (0, 10)
    assert to_client(Utf16, lines, (0, 99)) == (0, utf16_length('s = "😋😋"; x = 1'))  # clamped
    assert to_client(Utf16, lines, (5, 0)) == (1, 0)


@pytest.mark.parametrize(
    ("source", "line", "expected"),
    [
        ("X = 1\n", 1, "X = 1  # noqa: LKL501\n"),
        ("X = 1   \r\n", 1, "X = 1  # noqa: LKL501\r\n"),
        ("X = 1  # noqa: E501\n", 1, "X = 1  # noqa: E501, LKL501\n"),
        ("X = 1  # type: ignore\n", 1, "X = 1  # type: ignore  # noqa: LKL501\n"),
        ("X = (\n    1,\n)\n", 2, "X = (\n    1,  # noqa: LKL501\n)\n"),
        ("X = 1", 1, "X = 1  # noqa: LKL501"),
        ("X = 1 + \\\n    2\n", 1, None),  # a comment after a backslash is a syntax error
        ('X = """a\nb"""\n', 1, None),  # the line ends inside a string
        ("X = 1  # noqa\n", 1, None),  # already silences everything
    ],
)
def test_noqa_edit(source: str, line: int, expected: str) -> None:
    edit = noqa_edit(source, line, "LKL501")
    if expected is None:
        assert edit is None
        return
    assert edit is not None
    lines = split_lines(source)
    start = sum(len(text) for text in lines[: edit.start_line - 1]) + edit.start_column - 1
    end = sum(len(text) for text in lines[: edit.end_line - 1]) + edit.end_column - 1
    assert source[:start] + edit.content + source[end:] == expected
