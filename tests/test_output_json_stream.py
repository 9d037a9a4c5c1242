"""The JSON report written one finding at a time is the text ``json.dump`` wrote for the whole list."""

from __future__ import annotations

import io
import json
from typing import List

from leaklint.output import View
from leaklint.output import json as json_format
from leaklint.rule import Confidence, Finding, FixInfo, FixSafety, Location, RelatedLocation, TextEdit
from leaklint.runner import Report


def _findings() -> List[Finding]:
    plain = Finding("/p/a.py", "LKL301", "unclosed-file", "file `f` is not closed", "use `with`", Location(3, 5, 3, 12))
    fixed = Finding(
        "/p/b é.py", "LKL101", "mutual-reference", 'cycle: "A.b" -> B.a\tand\nback \u2028 ü \\', "weakref \u00e9",
        Location(10, 1, 12, 4), Confidence.LOW,
        fix=FixInfo("make it weak", FixSafety.UNSAFE, (TextEdit(10, 1, 10, 4, "import weakref\n"), TextEdit(11, 2, 12, 1, ""))),
        related=(RelatedLocation("/p/b é.py", 11, 3, "`a.b = b`"), RelatedLocation("/p/c.py", 2, 1, "`b.a = a`\n")),
    )
    return [plain, fixed, plain]


def _old_text(findings: List[Finding]) -> str:
    out = io.StringIO()
    json.dump([json_format.finding_to_dict(f) for f in findings], out, indent=2, ensure_ascii=False)
    out.write("\n")
    return out.getvalue()


def _written(findings: List[Finding]) -> str:
    out = io.StringIO()
    json_format.write(Report(findings=findings), out, View())
    return out.getvalue()


def test_streamed_report_is_the_whole_list_dumped() -> None:
    for findings in (_findings(), _findings()[:1], []):
        text = _written(findings)
        assert text == _old_text(findings)
        assert [row["message"] for row in json.loads(text)] == [f.message for f in findings]


def test_a_report_longer_than_a_slice_is_written_whole(tmp_path, monkeypatch) -> None:
    from leaklint import cli

    monkeypatch.setattr(cli, "_SLICE", 7)  # slices end inside multi-byte characters and lines
    text = "".join(f"[{i}] \u00e9\u2028\U0001f600 line\n" for i in range(50))
    target = tmp_path / "report.json"
    cli._emit(text, str(target))
    assert target.read_bytes() == text.encode("utf-8")
    cli._emit("", str(target))
    assert target.read_bytes() == b""


def test_a_report_built_in_a_spilled_buffer_is_written_whole(tmp_path, monkeypatch) -> None:
    from leaklint import cli

    monkeypatch.setattr(cli, "_SLICE", 16)  # the buffer spills to a file past 64 characters
    text = "".join(f"[{i}] \u00e9\u2028\U0001f600 line\r\n" for i in range(50))
    buffer = cli._report_buffer()
    buffer.write(text)
    assert buffer._rolled  # type: ignore[attr-defined]
    target = tmp_path / "report.json"
    cli._emit(buffer, str(target))
    assert target.read_bytes() == text.encode("utf-8")
    empty = cli._report_buffer()
    cli._emit(empty, str(target))
    assert target.read_bytes() == b""
