"""Fix a file's source until no fix applies: lint, apply compatible fixes, verify, repeat."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, List, Mapping, Optional, Sequence, Type, Union

import libcst as cst

from leaklint.engine import FileResult, analyze_source, compiles, run_with_big_stack
from leaklint.fixes.apply import apply_to_module, compatible_fixes
from leaklint.rule import Fix, FixSafety, Rule

MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    source: Union[str, bytes]  # the fixed source, same type as the input
    applied: int = 0
    problems: List[str] = field(default_factory=list)  # fixes dropped, and why
    result: Optional[FileResult] = None  # the findings left in the fixed source

    @property
    def changed(self) -> bool:
        return self.applied > 0


def _allowed(fix: Fix, unsafe: bool) -> bool:
    return fix.safety is FixSafety.SAFE or (unsafe and fix.safety is FixSafety.UNSAFE)


def _render(module: cst.Module, like: Union[str, bytes], original: Union[str, bytes]) -> Union[str, bytes]:
    """The module as source of the same type as ``like``, keeping a lone-CR file's last newline.

    libcst drops the final ``\\r`` of a file whose newlines are bare CRs (docs/reliability.md).
    """
    if isinstance(like, bytes):
        out: Union[str, bytes] = module.bytes
        cr, crlf = b"\r", b"\r\n"
    else:
        out = module.code
        cr, crlf = "\r", "\r\n"
    if original.endswith(cr) and not original.endswith(crlf) and not out.endswith(cr):  # type: ignore[arg-type]
        out = out + cr  # type: ignore[operator]
    return out


def _round_trips(module: cst.Module, current: Union[str, bytes], original: Union[str, bytes]) -> bool:
    """libcst regenerates ``current`` exactly: otherwise a fix would rewrite untouched code too."""
    try:
        return _render(module, current, original) == current
    except Exception:  # noqa: BLE001 - a module that cannot render cannot be fixed
        return False


def _verify(source: Union[str, bytes], path: str) -> bool:
    """The fixed code must re-parse with libcst and compile with CPython (a full compile, as
    `python file.py` would: some errors only show past the AST)."""
    try:
        module = cst.parse_module(source)
        compiles(module.code, path)
    except Exception:  # noqa: BLE001 - any failure means the fix is not written
        return False
    return True


def _fixed(module: cst.Module, fixes: Sequence[Fix], like: Union[str, bytes], original: Union[str, bytes], path: str) -> Optional[Union[str, bytes]]:
    """The source with ``fixes`` applied, or None when applying them fails or breaks the file.

    Applying runs libcst's recursive transformer and code generation, which can raise (e.g.
    RecursionError on deep code, or a rule's replacement node that cannot render): a fix that
    fails is dropped like one whose result does not parse, never a traceback.
    """
    try:
        fixed = _render(apply_to_module(module, fixes), like, original)
    except Exception:  # noqa: BLE001 - reported by the caller as a dropped fix
        return None
    return fixed if _verify(fixed, path) else None


def fix_source(
    source: Union[str, bytes],
    path: str,
    rules: Sequence[Type[Rule]],
    rule_settings: Mapping[str, Mapping[str, Any]],
    *,
    unsafe: bool = False,
    text_edits: bool = False,
    segment_size: Optional[int] = None,
) -> FixOutcome:
    """Fix ``source`` until no fix applies. Never raises for anything the file contains.

    A file checked in segments (more code than ``segment_size``, see ``leaklint.segments``) is
    never rewritten: its findings carry no fixes, and its noqa comments are left as they are.
    """
    # The same big-stack thread as the analysis: re-parsing and transforming deep code on the
    # main thread's 8 MB stack can kill the process (docs/reliability.md).
    return run_with_big_stack(_fix_source, source, path, rules, rule_settings, unsafe, text_edits, segment_size)


def _fix_source(
    source: Union[str, bytes],
    path: str,
    rules: Sequence[Type[Rule]],
    rule_settings: Mapping[str, Mapping[str, Any]],
    unsafe: bool,
    text_edits: bool,
    segment_size: Optional[int] = None,
) -> FixOutcome:
    outcome = FixOutcome(source)
    current = source
    analysed = None
    for _ in range(MAX_ROUNDS):
        analysis = analyze_source(current, path, rules, rule_settings, text_edits=text_edits, segment_size=segment_size)
        analysed = current
        outcome.result = analysis.result
        if analysis.segmented:
            outcome.source = current
            return outcome
        if analysis.module is None or analysis.context is None:
            break
        candidates = [fix for _, fix in analysis.fixes if _allowed(fix, unsafe)]
        chosen = compatible_fixes(candidates, analysis.context)
        if not chosen:
            break
        if not _round_trips(analysis.module, current, source):
            outcome.problems.append(
                f"{path}: fixes not applied: libcst cannot reproduce this file byte for byte "
                "(e.g. a form feed before a statement), so fixing it would also change other lines"
            )
            break
        fixed = _fixed(analysis.module, chosen, current, source, path)
        if fixed is not None:
            outcome.applied += len(chosen)
            current = fixed
            continue
        # The batch broke the file: keep the fixes that are fine on their own, drop the others.
        kept = 0
        for (finding, fix) in analysis.fixes:
            if fix not in chosen:
                continue
            single = _fixed(analysis.module, [fix], current, source, path)
            if single is not None:
                current, kept = single, kept + 1
                break
            outcome.problems.append(
                f"{path}:{finding.line}:{finding.column}: {finding.code} fix dropped: the result would not parse"
            )
        outcome.applied += kept
        if not kept:
            break
    if analysed is not current:
        outcome.result = analyze_source(
            current, path, rules, rule_settings, text_edits=text_edits, segment_size=segment_size
        ).result
    current = _remove_unused_noqa(outcome, current, path, rules, rule_settings, text_edits)
    outcome.source = current
    outcome.problems = list(dict.fromkeys(outcome.problems))
    return outcome


def _remove_unused_noqa(
    outcome: FixOutcome,
    current: Union[str, bytes],
    path: str,
    rules: Sequence[Type[Rule]],
    rule_settings: Mapping[str, Mapping[str, Any]],
    text_edits: bool,
) -> Union[str, bytes]:
    """LKL003's fix, once the other fixes are made: drop noqa codes that silence nothing.

    Only this file's facts are known here, so codes of project-wide rules stay (another file may
    make them used); the run's report still lists them.
    """
    from leaklint.engine import check_project
    from leaklint.unused_noqa import CODE, as_text, may_have_unused, remove_unused_noqa, unused_noqa_findings

    result = outcome.result
    if result is None or not any(rule.code == CODE for rule in rules) or not may_have_unused(result.suppressions):
        return current
    text = as_text(current)
    if text is None:
        return current
    check_project([result], rules, rule_settings)  # marks what the project rules' findings use
    project_codes = [rule.code for rule in rules if rule.project_scope]
    findings = unused_noqa_findings(path, text, result.suppressions, rules, skip_codes=project_codes)
    fixed, removed = remove_unused_noqa(text, findings)
    if not removed:
        return current
    encoded: Union[str, bytes] = fixed
    if isinstance(current, bytes):
        encoded = _encode_like(fixed, current)
        if encoded is None:
            return current
    outcome.applied += removed
    outcome.result = analyze_source(encoded, path, rules, rule_settings, text_edits=text_edits).result
    return encoded


def _encode_like(text: str, like: bytes) -> Optional[bytes]:
    """``text`` encoded as ``like`` is (BOM, coding cookie); None if it cannot be."""
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(like).readline)
        return text.encode(encoding)
    except (SyntaxError, LookupError, UnicodeEncodeError):
        return None
