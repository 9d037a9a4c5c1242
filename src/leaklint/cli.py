"""The ``leaklint`` command: check (with --fix/--diff), rule, rules, graph.

Exit codes, like ruff and flake8: 0 nothing found, 1 findings (or, with --diff, something to fix),
2 a usage or configuration error, a path that cannot be read, or an internal error (LKL002).
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Dict, List, NoReturn, Optional, Sequence, TextIO, Tuple, Union

from leaklint import __version__
from leaklint.config import ConfigError, Settings, load_settings, with_overrides
from leaklint.engine import analyze_source, decode_source
from leaklint.output import View, available_formats, display_path, format_module
from leaklint.registry import all_rules, rule_by_code
from leaklint.rule import Finding, FixSafety
from leaklint.runner import Problem, Report, discover, finish, lint_files, read_file

COMMANDS = ("check", "rule", "rules", "graph", "server")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str) -> List[str]:
    return [part.strip().upper() for part in value.split(",") if part.strip()]


def _globs(value: str) -> List[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _extra_output(value: str) -> Tuple[str, str]:
    fmt, sep, path = value.partition("=")
    if not sep or not path or fmt not in available_formats():
        raise argparse.ArgumentTypeError(f"expected FORMAT=FILE with FORMAT one of {', '.join(available_formats())}: {value!r}")
    return fmt, path


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"leaklint: error: {message}{_option_suggestion(self, message)}\n")


_UNRECOGNIZED = "unrecognized arguments: "


def _long_options(parser: argparse.ArgumentParser) -> List[str]:
    # argparse reports a subcommand's unknown options from the top parser, which knows only its
    # own options: collect the subcommands' too (argparse keeps them in private attributes).
    names: List[str] = []
    for action in parser._actions:
        names += [option for option in action.option_strings if option.startswith("--")]
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                names += _long_options(subparser)
    return names


def _option_suggestion(parser: argparse.ArgumentParser, message: str) -> str:
    """"; did you mean '--select'?" for a misspelt long option, as for misspelt config keys."""
    if not message.startswith(_UNRECOGNIZED):
        return ""
    known = sorted(set(_long_options(parser)))
    for token in message[len(_UNRECOGNIZED):].split():
        if token.startswith("--"):
            close = difflib.get_close_matches(token.partition("=")[0], known, n=1, cutoff=0.75)
            if close:
                return f"; did you mean '{close[0]}'?"
    return ""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="leaklint", description="Find leak-prone Python code and say how to fix it.")
    parser.add_argument("--version", action="version", version=f"leaklint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check files and folders (default command)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check (default: .); - reads stdin")
    selection = check.add_argument_group("rule selection")
    selection.add_argument("--select", type=_codes, action="extend", help="only these code prefixes, comma-separated (e.g. LKL3,LKL101)")
    selection.add_argument("--ignore", type=_codes, action="extend", help="skip these code prefixes")
    selection.add_argument("--extend-select", type=_codes, action="extend", help="add code prefixes to the selection")
    selection.add_argument("--profile", choices=("default", "strict"), help="strict also shows low-consequence findings (default: default)")
    files = check.add_argument_group("files")
    files.add_argument("--exclude", type=_globs, action="extend", help="globs to skip, replacing the defaults")
    files.add_argument("--extend-exclude", type=_globs, action="extend", help="globs to skip, added to the defaults")
    files.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the excludes also to paths named on the command line (for pre-commit and editors)",
    )
    files.add_argument("--stdin-filename", metavar="NAME", help="the path standard input stands for (config, per-file ignores, output)")
    files.add_argument("--config", metavar="PYPROJECT", help="read [tool.leaklint] from this file instead of the nearest pyproject.toml")
    files.add_argument("--isolated", action="store_true", help="read no pyproject.toml: defaults and the command line only (for code you do not trust)")
    fixes = check.add_argument_group("fixes")
    fixes.add_argument("--fix", action="store_true", help="apply safe fixes, writing files atomically")
    fixes.add_argument("--unsafe-fixes", action="store_true", default=None, help="also apply fixes that may change behaviour")
    fixes.add_argument("--diff", action="store_true", help="print the fixes as a unified diff and write nothing")
    out = check.add_argument_group("output")
    out.add_argument("--format", choices=available_formats(), help="output format (default: full on a terminal, else concise)")
    out.add_argument("--output-file", metavar="FILE", help="write the report to FILE instead of standard output")
    out.add_argument("--statistics", action="store_true", help="print a count per code instead of each finding")
    out.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    out.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    out.add_argument("--show-settings", action="store_true", help="print the resolved settings and where each came from, then exit")
    out.add_argument("--show-files", action="store_true", help="print the files that would be checked, then exit")
    out.add_argument(
        "--runtime-report", metavar="FILE",
        help="mark findings confirmed by a `pytest --leaklint --leaklint-report=FILE` run; list runtime leaks with no finding",
    )
    out.add_argument(
        "--also-write",
        action="append",
        metavar="FORMAT=FILE",
        type=_extra_output,
        help="also write the report in FORMAT to FILE, from the same run (e.g. sarif=leaklint.sarif); repeatable",
    )
    adopt = check.add_argument_group("adopting leaklint on existing code")
    adopt.add_argument(
        "--diff-base",
        metavar="REV",
        help="report only findings on lines changed since the git revision REV (the whole project is still analysed)",
    )
    adopt.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE by --write-baseline")
    adopt.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE (then they are hidden)")
    adopt.add_argument("--add-noqa", action="store_true", help="append `# noqa: CODE` to each flagged line, then exit")
    run = check.add_argument_group("run")
    run.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    run.add_argument("--cache-dir", metavar="DIR", help="where the cache lives (default: a folder per project in the user cache folder)")
    run.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: the number of cores)")

    rule = commands.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("code", metavar="CODE", help="a rule code, e.g. LKL301, or a rule name")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    graph = commands.add_parser("graph", help="draw the reference cycles between classes (Graphviz DOT or Mermaid)")
    graph.add_argument("paths", nargs="*", metavar="PATH")
    graph.add_argument("--format", choices=("dot", "mermaid"), default="dot")
    graph.add_argument("--output-file", metavar="FILE")

    server = commands.add_parser("server", help="run the language server on stdin/stdout (needs leaklint[server])")
    server.add_argument("--debounce", type=float, metavar="SECONDS", help="quiet time after an edit before linting (default: 0.3)")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # `leaklint src/` is `leaklint check src/`, as with flake8.
    if not args_list or (args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help", "--version")):
        args_list.insert(0, "check")
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        if args.command == "rule":
            return _rule_command(args.code)
        if args.command == "rules":
            return _rules_command(args.format)
        if args.command == "graph":
            return _graph_command(args)
        if args.command == "server":
            return _server_command(args.debounce)
        return _check_command(args)
    except (ConfigError, ReportError) as error:
        print(f"leaklint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("leaklint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `leaklint check | head`: the reader went away; nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
        return EXIT_ERROR


# -- rule / rules -----------------------------------------------------------------------------------


def _rule_command(code: str) -> int:
    from leaklint.docs import rule_markdown

    rule = rule_by_code(code) or next((r for r in all_rules() if r.name == code.lower()), None)
    if rule is None:
        print(f"leaklint: error: unknown rule {code!r}; `leaklint rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    _emit(rule_markdown(rule, heading="#") + "\n", None)
    return EXIT_CLEAN


def _rules_command(fmt: str) -> int:
    from leaklint.docs import FIX_LABELS

    if fmt == "json":
        import json

        rows = [
            {"code": r.code, "name": r.name, "fix": r.fix_safety.value, "summary": r.summary(), "project": r.project_scope}
            for r in all_rules()
        ]
        _emit(json.dumps(rows, indent=2) + "\n", None)
        return EXIT_CLEAN
    width = max(len(r.name) for r in all_rules())
    _emit("".join(f"{r.code}  {r.name:<{width}}  {FIX_LABELS[r.fix_safety]:<10}  {r.summary()}\n" for r in all_rules()), None)
    return EXIT_CLEAN


def _graph_command(args: argparse.Namespace) -> int:
    from leaklint.graph import render_graph

    paths = args.paths or ["."]
    settings = load_settings(Path(paths[0]))
    text = render_graph(paths, settings, args.format)
    _emit(text, args.output_file)
    return EXIT_CLEAN


def _server_command(debounce: Optional[float]) -> int:
    from leaklint.server import SERVER_PACKAGES, run_server

    try:
        return run_server(debounce)
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in SERVER_PACKAGES:
            raise
        print(
            f"leaklint: error: `leaklint server` needs {error.name}: pip install 'leaklint[server]'",
            file=sys.stderr,
        )
        return EXIT_ERROR


class ReportError(Exception):
    """The report could not be written: exit 2 with one line, never a traceback."""


# The report is encoded a slice at a time: written at once, a report of 39,408 findings (a
# generated 10 MB module's JSON, 22 MB) was held again as bytes while the stream encoded it.
_SLICE = 1 << 20


def _report_buffer() -> TextIO:
    """Where the report is built before it is written: in memory up to a few MB, then in a
    temporary file. The 22 MB of a generated 10 MB module's JSON report, held in a StringIO, was
    held twice more when taken from it (its value, a copy) and encoded: the process's peak."""
    return tempfile.SpooledTemporaryFile(  # type: ignore[return-value]
        max_size=4 * _SLICE, mode="w+", encoding="utf-8", errors="surrogatepass", newline=""
    )


def _write_in_slices(stream: TextIO, text: Union[str, TextIO]) -> None:
    if isinstance(text, str):
        for start in range(0, len(text), _SLICE):
            stream.write(text[start : start + _SLICE])
        return
    text.seek(0)
    while True:
        chunk = text.read(_SLICE)
        if not chunk:
            return
        stream.write(chunk)


def _emit(text: Union[str, TextIO], output_file: Optional[str]) -> None:
    """Write the report (text, or a buffer holding it) to ``output_file`` or standard output, or
    raise ``ReportError``."""
    if output_file:
        try:
            with open(output_file, "w", encoding="utf-8") as handle:
                _write_in_slices(handle, text)
        except OSError as error:
            raise ReportError(f"cannot write the report to {output_file}: {_reason(error)}") from None
        return
    if not (text if isinstance(text, str) else text.tell()):
        return
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        raise ReportError("cannot write the report: standard output is closed (use --output-file)")
    try:
        _write_in_slices(sys.stdout, text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:  # ValueError: the stream was closed under us
        _discard_stdout()
        raise ReportError(f"cannot write the report to standard output: {_reason(error)}") from None


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def _discard_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's own flush at exit
    (of what could not be written) does not fail a second time with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    finally:
        os.close(devnull)


# -- check ----------------------------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> Settings:
    start = Path(args.stdin_filename) if args.stdin_filename else Path(args.paths[0] if args.paths and args.paths[0] != "-" else ".")
    explicit = Path(args.config) if args.config else None
    if getattr(args, "isolated", False):
        if explicit is not None:
            raise ConfigError("--isolated reads no configuration: it cannot be combined with --config")
        settings = Settings(root=str(Path.cwd()))
    else:
        settings = load_settings(start, explicit)
    return with_overrides(
        settings,
        select=tuple(args.select) if args.select else None,
        ignore=tuple(args.ignore) if args.ignore else None,
        extend_select=tuple(args.extend_select) if args.extend_select else None,
        exclude=tuple(args.exclude) if args.exclude else None,
        extend_exclude=tuple(args.extend_exclude) if args.extend_exclude else None,
        unsafe_fixes=args.unsafe_fixes,
        profile=args.profile,
        # Relative to where the command runs, as the user typed it (the config's is relative to it).
        cache_dir=os.path.abspath(args.cache_dir) if args.cache_dir else None,
    )


def _check_command(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise ConfigError("--jobs must be at least 1")
    settings = _settings(args)
    if args.show_settings or args.show_files:
        return _show_command(args, settings)
    fmt = args.format or ("full" if _stdout_is_terminal() and not args.output_file else "concise")
    writer = format_module(fmt)
    extra = [(format_module(name), path) for name, path in args.also_write or []]
    text_edits = any(getattr(module, "NEEDS_TEXT_EDITS", False) for module in [writer, *(m for m, _ in extra)])
    from leaklint.output._color import use_color

    # Colour only where a person reads it: a terminal (or FORCE_COLOR), never a report file.
    color = fmt in ("concise", "full") and not args.output_file and use_color(sys.stdout)
    view = View(unsafe_fixes=settings.unsafe_fixes, rules=settings.rules(), color=color)
    reading_stdin = args.paths == ["-"] or (not args.paths and args.stdin_filename)
    if args.add_noqa and (reading_stdin or args.fix or args.diff):
        raise ConfigError("--add-noqa edits files: it cannot be combined with stdin, --fix or --diff")
    changed = None
    if args.diff_base:
        if reading_stdin or args.fix or args.diff or args.add_noqa or args.write_baseline:
            raise ConfigError(
                "--diff-base narrows a report: it cannot be combined with stdin, --fix, --diff, --add-noqa or --write-baseline"
            )
        from leaklint.changed_lines import changed_since

        changed = changed_since(args.diff_base)  # before the analysis: a bad revision fails fast
    if reading_stdin:
        report, diffs, fixed_stdin = _check_stdin(args, settings, view, text_edits)
    else:
        report, diffs, fixed_stdin = _check_paths(args, settings, view, text_edits)
    if changed is not None:
        from leaklint.changed_lines import keep_changed

        report.findings, report.unchanged = keep_changed(report.findings, changed)
    if args.baseline or args.write_baseline:
        from leaklint.baseline import apply_baseline_options

        apply_baseline_options(report, view, args.baseline, args.write_baseline, quiet=args.quiet)
    unexplained = None
    if args.runtime_report:
        from leaklint.pytest_plugin.confirm import apply_runtime_report

        unexplained = apply_runtime_report(report, args.runtime_report)
    if args.add_noqa:
        from leaklint.add_noqa import add_noqa_command

        return add_noqa_command(report, quiet=args.quiet)

    # The report is built whole before it is written: a failure to write it is one error line and
    # exit 2, and nothing claims success.
    out = _report_buffer()
    if args.diff:
        for diff in diffs:
            out.write(diff)
    elif fixed_stdin is not None:
        out.write(fixed_stdin)
    elif args.statistics:
        _write_statistics(report, out, settings.unsafe_fixes)
    else:
        writer.write(report, out, view)
    for problem in report.problems:
        print(f"leaklint: error: {display_path(problem.path)}: {problem.message}", file=sys.stderr)
    _emit(out, args.output_file)
    out.close()
    view.color = False  # files written by --also-write are never coloured
    for module, path in extra:
        text = io.StringIO()
        module.write(report, text, view)
        _emit(text.getvalue(), path)
    if unexplained is not None:
        from leaklint.pytest_plugin.confirm import write_unmatched

        write_unmatched(unexplained, sum(1 for f in report.findings if f.runtime), sys.stderr)
    if not args.quiet and fmt in ("concise", "full") and not args.diff:
        _write_summary(report, args, settings)
    if report.problems or report.internal_errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FINDINGS if diffs else EXIT_CLEAN
    if args.exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if report.findings else EXIT_CLEAN


def _show_command(args: argparse.Namespace, settings: Settings) -> int:
    from leaklint.show import write_files, write_settings

    if args.show_settings:
        write_settings(settings, sys.stdout)
    if args.show_files:
        files, problems = discover(args.paths or ["."], settings, force_exclude=args.force_exclude)
        write_files(files, sys.stdout)
        for problem in problems:
            print(f"leaklint: error: {display_path(problem.path)}: {problem.message}", file=sys.stderr)
        return EXIT_ERROR if problems else EXIT_CLEAN
    return EXIT_CLEAN


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (OSError, ValueError):
        return False


def _check_paths(
    args: argparse.Namespace, settings: Settings, view: View, text_edits: bool
) -> Tuple[Report, List[str], Optional[str]]:
    paths = args.paths or ["."]
    files, problems = discover(paths, settings, force_exclude=args.force_exclude)
    diffs: List[str] = []
    if args.fix or args.diff:
        report = Report(problems=list(problems))
        results = []
        for path in files:
            result, problem, diff, applied = _fix_file(path, settings, args, text_edits)
            report.fixed += applied
            if problem is not None:
                report.problems.append(problem)
            if diff:
                diffs.append(diff)
            if result is not None:
                results.append(result)
        return finish(report, results, settings), diffs, None
    from leaklint.cache import open_cache
    from leaklint.progress import Progress

    cache = None if args.no_cache else open_cache(settings, text_edits=text_edits)
    with Progress() as progress:
        report = lint_files(files, settings, jobs=args.jobs, text_edits=text_edits, cache=cache, progress=progress.update)
    report.problems[:0] = problems
    return report, diffs, None


def _fix_file(path: str, settings: Settings, args: argparse.Namespace, text_edits: bool):  # type: ignore[no-untyped-def]
    from leaklint.fixes.loop import fix_source
    from leaklint.fixes.write import WriteRefused, atomic_write

    data, error = read_file(path)
    if data is None:
        return None, Problem(path, f"cannot read: {error}"), None, 0
    outcome = fix_source(
        data, path, settings.rules_for(path), settings.rule_settings(), unsafe=settings.unsafe_fixes, text_edits=text_edits,
        segment_size=settings.segment_size,
    )
    problem = None
    for message in outcome.problems:
        print(f"leaklint: warning: {message}", file=sys.stderr)
    diff = None
    if outcome.changed:
        assert isinstance(outcome.source, bytes)
        if args.diff:
            diff = _unified_diff(data, outcome.source, display_path(path))
        else:
            try:
                atomic_write(path, outcome.source, data, within=args.paths or ["."])
            except WriteRefused as refused:
                problem = Problem(path, f"fixes not written: {refused}")
                result = analyze_source(
                    data, path, settings.rules_for(path), settings.rule_settings(), text_edits=text_edits,
                    segment_size=settings.segment_size,
                ).result
                return result, problem, None, 0
    result = outcome.result
    if args.diff and result is not None:
        # --diff writes nothing, so the findings are those of the file as it is.
        result = analyze_source(
            data, path, settings.rules_for(path), settings.rule_settings(), text_edits=text_edits,
            segment_size=settings.segment_size,
        ).result
    return result, problem, diff, (outcome.applied if outcome.changed and not args.diff else 0)


def _unified_diff(old: bytes, new: bytes, name: str) -> str:
    try:
        old_text, new_text = decode_source(old), decode_source(new)
    except (SyntaxError, UnicodeDecodeError):
        old_text, new_text = old.decode("utf-8", "replace"), new.decode("utf-8", "replace")
    lines = difflib.unified_diff(
        old_text.splitlines(keepends=True), new_text.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def _check_stdin(
    args: argparse.Namespace, settings: Settings, view: View, text_edits: bool
) -> Tuple[Report, List[str], Optional[str]]:
    from leaklint.engine import check_project
    from leaklint.fixes.loop import fix_source

    from leaklint.runner import is_force_excluded

    name = args.stdin_filename or "-"
    data = sys.stdin.buffer.read()
    rules = settings.rules_for(name)
    report = Report()
    diffs: List[str] = []
    fixed_stdin: Optional[str] = None
    if args.force_exclude and args.stdin_filename and is_force_excluded(name, settings):
        # An editor formatting an excluded file: nothing to report, and --fix gives it back as is.
        return report, diffs, data.decode("utf-8", "surrogateescape") if args.fix else None
    if args.fix or args.diff:
        outcome = fix_source(
            data, name, rules, settings.rule_settings(), unsafe=settings.unsafe_fixes, text_edits=text_edits,
            segment_size=settings.segment_size,
        )
        assert isinstance(outcome.source, bytes)
        if args.diff and outcome.changed:
            diffs.append(_unified_diff(data, outcome.source, display_path(name)))
        if args.fix:
            fixed_stdin = outcome.source.decode("utf-8", "surrogateescape") if outcome.changed else data.decode("utf-8", "surrogateescape")
            report.fixed = outcome.applied if outcome.changed else 0
        result = outcome.result
    else:
        result = analyze_source(
            data, name, rules, settings.rule_settings(), text_edits=text_edits, segment_size=settings.segment_size
        ).result
    try:
        view.sources[name] = decode_source(data)
    except (SyntaxError, UnicodeDecodeError):
        view.sources[name] = data.decode("utf-8", "replace")
    if result is not None:
        from leaklint.unused_noqa import unused_noqa_findings

        report.findings.extend(result.findings)
        report.findings.extend(check_project([result], rules, settings.rule_settings()))
        checked = view.sources[name] if fixed_stdin is None else fixed_stdin  # the text `result` is about
        report.findings.extend(unused_noqa_findings(name, checked, result.suppressions, rules))
        report.files_checked = 1
    return report, diffs, fixed_stdin


def _applicable(finding: Finding, unsafe_fixes: bool) -> bool:
    """Would ``--fix`` (with ``unsafe_fixes`` as set) apply this finding's fix?"""
    fix = finding.fix
    if fix is None:
        return False
    return fix.safety is FixSafety.SAFE or (unsafe_fixes and fix.safety is FixSafety.UNSAFE)


def _write_statistics(report: Report, out: TextIO, unsafe_fixes: bool) -> None:
    counts = Counter(f.code for f in report.findings)
    names: Dict[str, str] = {f.code: f.rule for f in report.findings}
    # [*]: --fix (as configured) would fix some of them; a suggestion or an unsafe fix is not that.
    fixable = Counter(f.code for f in report.findings if _applicable(f, unsafe_fixes))
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        marker = "[*]" if fixable[code] else "   "
        out.write(f"{count:>5}  {code}  {marker} {names[code]}\n")


def _write_summary(report: Report, args: argparse.Namespace, settings: Settings) -> None:
    remaining = len(report.findings)
    files = report.files_checked
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not remaining and not report.fixed:
        if not report.problems and not report.internal_errors:
            since = f"; {report.unchanged} findings on unchanged lines not shown" if args.diff_base and report.unchanged else ""
            print(f"All checks passed ({checked}{since}).", file=sys.stderr)
        return
    safe = sum(1 for f in report.findings if f.fix is not None and f.fix.safety is FixSafety.SAFE)
    unsafe = sum(1 for f in report.findings if f.fix is not None and f.fix.safety is FixSafety.UNSAFE)
    if args.fix:
        # As ruff says it: what was found, what --fix fixed, what is left.
        total = report.fixed + remaining
        noun = "finding" if total == 1 else "findings"
        line = f"Found {total} {noun} ({report.fixed} fixed, {remaining} remaining) in {checked}."
    else:
        noun = "finding" if remaining == 1 else "findings"
        line = f"Found {remaining} {noun} in {checked}."
    if args.diff_base:
        line = line[:-1] + f", on lines changed since {args.diff_base} ({report.unchanged} more elsewhere)."
    if safe and not args.fix:
        line += f" {safe} fixable with --fix."
    if unsafe and not settings.unsafe_fixes:
        line += f" {unsafe} more with --fix --unsafe-fixes."
    print(line, file=sys.stderr)
