"""The language server: diagnostics, quick fixes, fix-all, noqa and hover, on pygls 2.

Every request is answered from the buffer's text as the editor holds it, never from the disk,
with the settings of the nearest pyproject.toml above the document (``load_settings``), so
per-file ignores and rule options match ``leaklint check``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Set, Tuple, Type
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from leaklint import __version__
from leaklint.config import ConfigError, Settings, load_settings
from leaklint.docs import RULES_PAGE_URL, anchor, rule_markdown
from leaklint.engine import analyze_source, check_project
from leaklint.registry import rule_by_code
from leaklint.rule import Confidence, Finding, FixSafety, RelatedLocation, Rule, TextEdit
from leaklint.server.noqa import NoqaPlanner
from leaklint.unused_noqa import unused_noqa_findings
from leaklint.server.positions import Point, from_client, from_one_based, point_at, split_lines, to_client

logger = logging.getLogger(__name__)

# Where docs/rules.md is published; a client may override it with initializationOptions.docsUrl.
DOCS_URL = RULES_PAGE_URL
DEFAULT_DEBOUNCE = 0.3  # seconds of quiet after a change before linting
# initializationOptions may come from a workspace's own settings file (a checkout's
# .vscode/settings.json): a huge debounce would silence diagnostics while typing, and a docs link
# may only be a web page.
MAX_DEBOUNCE = 5.0
DOCS_URL_SCHEMES = ("https://", "http://")
SOURCE = "leaklint"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.leaklint"
ENGINE_CODES = ("LKL001", "LKL002")  # reported by the engine itself; a line noqa cannot silence them
PYTHON_SUFFIXES = (".py", ".pyi")

RulesProvider = Callable[[Settings, str], Sequence[Type[Rule]]]


def default_rules(settings: Settings, path: str) -> Sequence[Type[Rule]]:
    """The rules ``leaklint check`` would run on ``path``: the selection minus per-file ignores."""
    return settings.rules_for(path)


@dataclass
class DocumentLint:
    """The findings for one exact buffer text under one configuration."""

    text: str
    path: str
    settings: Settings
    findings: List[Finding]
    rules: Dict[str, Type[Rule]]
    fixed_text: Optional[str] = None  # the fix-all result, computed on first request
    lines: List[str] = field(default_factory=list)
    _noqa: Optional[NoqaPlanner] = None

    def __post_init__(self) -> None:
        self.lines = split_lines(self.text)

    @property
    def noqa(self) -> NoqaPlanner:
        if self._noqa is None:
            self._noqa = NoqaPlanner(self.text)
        return self._noqa


class LeaklintServer(LanguageServer):
    def __init__(self, rules_provider: RulesProvider = default_rules, debounce: Optional[float] = None) -> None:
        # Full sync: pygls applies incremental changes with str.splitlines, which also splits at
        # form feeds and U+2028, both legal in Python source (see positions.py).
        super().__init__(SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.rules_provider = rules_provider
        self.debounce = DEFAULT_DEBOUNCE if debounce is None else debounce
        self.docs_url = DOCS_URL
        self.shutdown_requested = False
        self.lints: Dict[str, DocumentLint] = {}
        self.pending: Dict[str, "asyncio.Task[None]"] = {}
        self.reported_errors: Set[str] = set()

    def open_document(self, uri: str) -> Optional[TextDocument]:
        """The open document ``uri`` or None (pygls keys its documents by the unquoted URI)."""
        return self.workspace.text_documents.get(unquote(uri))

    def watch_config_files(self) -> None:
        """Ask the client to report pyproject.toml changes, if it can watch files for us."""
        workspace = self.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if not (watched and watched.dynamic_registration):
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern="**/pyproject.toml")]
        )
        registration = types.Registration(
            id="leaklint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        self.client_register_capability(types.RegistrationParams(registrations=[registration]))

    # -- analysis ---------------------------------------------------------------------------------

    def settings_for(self, path: str) -> Optional[Settings]:
        """The document's settings, or None (after telling the user once) when the config is bad."""
        try:
            return load_settings(Path(path))
        except ConfigError as error:
            message = f"leaklint: {error}"
            if message not in self.reported_errors:
                self.reported_errors.add(message)
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
            return None

    def analyze(self, text: str, path: str, settings: Settings) -> DocumentLint:
        """Lint ``text`` as the file ``path`` (blocking; called in a worker thread)."""
        if _excluded(settings, path):
            return DocumentLint(text, path, settings, [], {})
        rules = list(self.rules_provider(settings, path))
        options = settings.rule_settings()
        analysis = analyze_source(text, path, rules, options, text_edits=True)
        findings = list(analysis.result.findings)
        findings += check_project([analysis.result], rules, options)
        findings += unused_noqa_findings(path, text, analysis.result.suppressions, rules)
        findings.sort(key=Finding.sort_key)
        return DocumentLint(text, path, settings, findings, {rule.code: rule for rule in rules})

    async def current_lint(self, document: TextDocument) -> Optional[DocumentLint]:
        """The lint of the document's current text, reused when text and config are unchanged."""
        path = _document_path(document)
        settings = self.settings_for(path)
        if settings is None:
            return None
        text = document.source
        cached = self.lints.get(document.uri)
        if cached is not None and cached.text == text and cached.settings == settings:
            return cached
        loop = asyncio.get_running_loop()
        lint = await loop.run_in_executor(None, self.analyze, text, path, settings)
        if self.open_document(document.uri) is document:  # still open
            self.lints[document.uri] = lint
        return lint

    # -- diagnostics ------------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing any lint already waiting for it."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            await self.publish(uri)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - one document's failure must not stop the server
            logger.exception("leaklint: linting %s failed", uri)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def publish(self, uri: str) -> None:
        document = self.open_document(uri)
        if document is None or not _is_python(document):
            return
        version, text = document.version, document.source
        lint = await self.current_lint(document)
        if self.open_document(uri) is not document or document.source != text:
            return  # changed or closed meanwhile: a newer lint is on its way
        diagnostics = [] if lint is None else [self.diagnostic(document, lint, f) for f in lint.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def forget(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.lints.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def diagnostic(self, document: TextDocument, lint: DocumentLint, finding: Finding) -> types.Diagnostic:
        rule = lint.rules.get(finding.code) or rule_by_code(finding.code)
        description = None
        if rule is not None:
            description = types.CodeDescription(href=f"{self.docs_url}#{anchor(rule)}")
        return types.Diagnostic(
            range=finding_range(document, lint, finding),
            message=f"{finding.message}; fix: {finding.suggestion}",
            severity=severity(finding),
            code=finding.code,
            code_description=description,
            source=SOURCE,
            related_information=self.related_information(document, lint, finding),
        )

    def related_information(
        self, document: TextDocument, lint: DocumentLint, finding: Finding
    ) -> Optional[List[types.DiagnosticRelatedInformation]]:
        """A finding's related locations (a cycle's hops), for a client that says it shows them."""
        text_document = self.client_capabilities.text_document
        publish = text_document.publish_diagnostics if text_document else None
        if not finding.related or not (publish and publish.related_information):
            return None
        return [
            types.DiagnosticRelatedInformation(location=hop_location(document, lint, hop), message=hop.message)
            for hop in finding.related
        ]

    async def lint_for_request(self, uri: str) -> Tuple[Optional[TextDocument], Optional[DocumentLint]]:
        """The document and the lint of exactly its current text, for a request about it; (None, None)
        for a document that is not Python or whose text changed while it was linted."""
        document = self.workspace.get_text_document(uri)
        if not _is_python(document):
            return None, None
        lint = await self.current_lint(document)
        if lint is None or lint.text != document.source:
            return None, None
        return document, lint

    # -- code actions -----------------------------------------------------------------------------

    async def code_actions(self, params: types.CodeActionParams) -> Optional[List[types.CodeAction]]:
        document, lint = await self.lint_for_request(params.text_document.uri)
        if document is None or lint is None:
            return None
        wanted = list(params.context.only or [])
        start = from_client(document.position_codec, lint.lines, params.range.start.line, params.range.start.character)
        end = from_client(document.position_codec, lint.lines, params.range.end.line, params.range.end.character)
        actions: List[types.CodeAction] = []
        if _wants(wanted, types.CodeActionKind.QuickFix):
            actions += self.quick_fixes(document, lint, start, end)
        if _wants(wanted, FIX_ALL_KIND):
            fix_all = await self.fix_all_action(document, lint)
            if fix_all is not None:
                actions.append(fix_all)
        return actions

    def quick_fixes(self, document: TextDocument, lint: DocumentLint, start: Point, end: Point) -> List[types.CodeAction]:
        actions: List[types.CodeAction] = []
        silenced: Set[Tuple[int, str]] = set()
        for finding in lint.findings:
            first, last = _finding_points(finding)
            if first > end or last < start:
                continue
            diagnostic = self.diagnostic(document, lint, finding)
            fix = finding.fix
            if fix is not None and fix.edits and fix.safety is not FixSafety.SUGGESTION:
                unsafe = "" if fix.safety is FixSafety.SAFE else " (unsafe: may change behaviour)"
                actions.append(
                    types.CodeAction(
                        title=f"leaklint: {fix.title} ({finding.code}){unsafe}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        is_preferred=fix.safety is FixSafety.SAFE,
                        edit=self.workspace_edit(document, lint, fix.edits),
                    )
                )
            if finding.code in ENGINE_CODES or (finding.line, finding.code) in silenced:
                continue
            edit = lint.noqa.edit(finding.line, finding.code)
            if edit is not None:
                silenced.add((finding.line, finding.code))
                actions.append(
                    types.CodeAction(
                        title=f"leaklint: suppress {finding.code} on this line with # noqa: {finding.code}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        edit=self.workspace_edit(document, lint, [edit]),
                    )
                )
        return actions

    async def fix_all_action(self, document: TextDocument, lint: DocumentLint) -> Optional[types.CodeAction]:
        if not any(f.fix is not None and f.fix.safety is FixSafety.SAFE for f in lint.findings):
            return None
        if lint.fixed_text is None:
            loop = asyncio.get_running_loop()
            lint.fixed_text = await loop.run_in_executor(None, _fix_all, lint)
        if lint.fixed_text == lint.text:
            return None
        return types.CodeAction(
            title="leaklint: fix all safe problems in this file",
            kind=FIX_ALL_KIND,
            edit=self.workspace_edit(document, lint, [_minimal_edit(lint, lint.fixed_text)]),
        )

    def workspace_edit(self, document: TextDocument, lint: DocumentLint, edits: Sequence[TextEdit]) -> types.WorkspaceEdit:
        lsp_edits = [self.text_edit(document, lint, edit) for edit in edits]
        capabilities = self.client_capabilities.workspace
        versioned = bool(capabilities and capabilities.workspace_edit and capabilities.workspace_edit.document_changes)
        if versioned:
            identifier = types.OptionalVersionedTextDocumentIdentifier(uri=document.uri, version=document.version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=identifier, edits=lsp_edits)])
        return types.WorkspaceEdit(changes={document.uri: lsp_edits})

    def text_edit(self, document: TextDocument, lint: DocumentLint, edit: TextEdit) -> types.TextEdit:
        start = from_one_based(edit.start_line, edit.start_column)
        end = from_one_based(edit.end_line, edit.end_column)
        return types.TextEdit(range=_range(document, lint, start, end), new_text=edit.content)

    # -- hover ------------------------------------------------------------------------------------

    async def hover(self, params: types.HoverParams) -> Optional[types.Hover]:
        document, lint = await self.lint_for_request(params.text_document.uri)
        if document is None or lint is None:
            return None
        point = from_client(document.position_codec, lint.lines, params.position.line, params.position.character)
        hits = [f for f in lint.findings if _finding_points(f)[0] <= point <= _finding_points(f)[1]]
        if not hits:
            return None
        parts = []
        for code in dict.fromkeys(f.code for f in hits):
            rule = lint.rules.get(code) or rule_by_code(code)
            if rule is not None:
                parts.append(rule_markdown(rule, heading="#").strip())
        if not parts:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
            range=finding_range(document, lint, hits[0]),
        )


# -- conversions ------------------------------------------------------------------------------------


def severity(finding: Finding) -> types.DiagnosticSeverity:
    if finding.code in ENGINE_CODES:
        return types.DiagnosticSeverity.Error
    if finding.confidence in (Confidence.MEDIUM, Confidence.LOW):
        return types.DiagnosticSeverity.Information
    return types.DiagnosticSeverity.Warning


def _finding_points(finding: Finding) -> Tuple[Point, Point]:
    location = finding.location
    return from_one_based(location.line, location.column), from_one_based(location.end_line, location.end_column)


def _range(document: TextDocument, lint: DocumentLint, start: Point, end: Point) -> types.Range:
    codec = document.position_codec
    start_line, start_character = to_client(codec, lint.lines, start)
    end_line, end_character = to_client(codec, lint.lines, end)
    return types.Range(
        start=types.Position(line=start_line, character=start_character),
        end=types.Position(line=end_line, character=end_character),
    )


def finding_range(document: TextDocument, lint: DocumentLint, finding: Finding) -> types.Range:
    start, end = _finding_points(finding)
    if end <= start and start[0] < len(lint.lines):
        # An empty region (a syntax error's point) would be invisible in most editors: mark to
        # the end of the line instead.
        end = (start[0], len(lint.lines[start[0]].rstrip("\r\n")))
    return _range(document, lint, start, end)


def hop_location(document: TextDocument, lint: DocumentLint, hop: RelatedLocation) -> types.Location:
    """A related location in this document (from its line's column to the line's end), or in
    another file: the server checks one buffer, so that happens only for a rule that names a
    file it did not read, whose columns are then given as code points."""
    start = from_one_based(hop.line, hop.column)
    if os.path.normcase(os.path.abspath(hop.path)) == os.path.normcase(os.path.abspath(lint.path)):
        end = (start[0], len(lint.lines[start[0]].rstrip("\r\n")) if start[0] < len(lint.lines) else 0)
        return types.Location(uri=document.uri, range=_range(document, lint, start, max(start, end)))
    point = types.Position(line=start[0], character=start[1])
    return types.Location(uri=Path(os.path.abspath(hop.path)).as_uri(), range=types.Range(start=point, end=point))


def _minimal_edit(lint: DocumentLint, new: str) -> TextEdit:
    """One edit turning the buffer into ``new``: the span between common prefix and suffix."""
    old = lint.text
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start = point_at(lint.lines, prefix)
    end = point_at(lint.lines, len(old) - suffix)
    return TextEdit(start[0] + 1, start[1] + 1, end[0] + 1, end[1] + 1, new[prefix : len(new) - suffix])


def _fix_all(lint: DocumentLint) -> str:
    from leaklint.fixes.loop import fix_source

    rules = list(lint.rules.values())
    outcome = fix_source(lint.text, lint.path, rules, lint.settings.rule_settings(), unsafe=False)
    fixed = outcome.source
    return fixed if isinstance(fixed, str) else fixed.decode("utf-8")


def _wants(only: Sequence[str], kind: str) -> bool:
    """Does the client's ``only`` filter (hierarchical kinds: "source" covers "source.fixAll") allow ``kind``?"""
    return not only or any(kind == wanted or kind.startswith(f"{wanted}.") for wanted in only)


def _document_path(document: TextDocument) -> str:
    """A file-system path for the document; an unsaved buffer counts as a file in the working folder."""
    if document.uri.startswith("file:") and document.path:
        return document.path
    name = os.path.basename(document.path or "") or "untitled.py"
    return str(Path.cwd() / name)


def _is_python(document: TextDocument) -> bool:
    if document.language_id:
        return document.language_id == "python"
    return (document.path or "").endswith(PYTHON_SUFFIXES)


def _excluded(settings: Settings, path: str) -> bool:
    """Does the config exclude this file, or a folder it is in below the project root?

    An editor opens library files too (go to definition into ``.venv``): those stay quiet, as
    they would under ``leaklint check``. Files outside the project are linted.
    """
    try:
        candidate, root = Path(path).resolve(), Path(settings.root).resolve()
        candidate.relative_to(root)
    except (ValueError, OSError):
        return False
    for part in (candidate, *candidate.parents):
        if part == root:
            return False
        if settings.is_excluded(part):
            return True
    return False


# -- wiring -----------------------------------------------------------------------------------------


def create_server(rules_provider: RulesProvider = default_rules, debounce: Optional[float] = None) -> LeaklintServer:
    """A server with every feature registered. ``rules_provider`` is a seam for tests."""
    server = LeaklintServer(rules_provider, debounce)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict):
            debounce = options.get("debounce")
            if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and debounce == debounce:
                server.debounce = min(max(0.0, float(debounce)), MAX_DEBOUNCE)
            docs_url = options.get("docsUrl")
            if isinstance(docs_url, str) and docs_url.lower().startswith(DOCS_URL_SCHEMES) and " " not in docs_url:
                server.docs_url = docs_url

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        server.watch_config_files()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def config_changed(params: types.DidChangeWatchedFilesParams) -> None:
        # A pyproject.toml changed: lint every open document again (the cache compares settings).
        for document in list(server.workspace.text_documents.values()):
            server.schedule(document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, server.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.forget(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    async def code_action(params: types.CodeActionParams) -> Optional[List[types.CodeAction]]:
        return await server.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(params: types.HoverParams) -> Optional[types.Hover]:
        return await server.hover(params)

    @server.feature(types.SHUTDOWN)
    def shutdown(*_: Any) -> None:
        server.shutdown_requested = True

    return server


def serve_stdio(server: LeaklintServer) -> int:
    """Run on stdin/stdout. 0 after shutdown then exit, 1 when the client left without shutdown."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    # A stray print() anywhere (a rule, a plugin) would corrupt the protocol stream.
    sys.stdout = sys.stderr
    server.start_io(stdin, stdout)
    return 0 if server.shutdown_requested else 1
