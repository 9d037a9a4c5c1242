"""LKL303: a daemon thread that runs until exit costs one more thread per owner made, so its
finding is medium; for an owner that visibly lives for the whole process (a console front end, an
object made once in `main()`) the thread was meant to run until exit: low (strict profile only)."""

from __future__ import annotations

from conftest import FIXTURES, findings_by_line

SOURCE = (FIXTURES / "LKL303" / "daemon_forever.py").read_text(encoding="utf-8")


def _line(text: str) -> int:
    return next(n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line)


def test_a_process_lifetime_owner_is_low() -> None:
    strict = findings_by_line(SOURCE, "LKL303", "strict")
    default = findings_by_line(SOURCE, "LKL303", "default")
    for text in ("self._monitor_thread = Thread(", "self._thread = Thread(target=self._loop.run_forever, daemon=True)\n"):
        lines = [n for n, line in enumerate(SOURCE.splitlines(), 1) if text.strip() in line]
        low = [n for n in lines if n in strict and strict[n].confidence.value == "low"]
        assert low, text
        assert all(n not in default for n in low)
        assert "as long as the program" in strict[low[0]].message


def test_an_owner_made_who_knows_how_often_stays_medium() -> None:
    line = _line("self._maintainer = Thread(target=self.maintenance, daemon=True)  # error")
    finding = findings_by_line(SOURCE, "LKL303", "default")[line]
    assert finding.confidence.value == "medium"
    assert "every new `Maintained` adds one" in finding.message
