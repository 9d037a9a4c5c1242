"""A resource path through `except OSError:` needs a statement that can raise it, and a release
skipped only by a statement that computes is low (sample 11: dulwich's hooks and log set-up,
judged false: `b"\\n".join(...)` and `handler.setFormatter(...)` do not raise OSError)."""

from __future__ import annotations

from conftest import FIXTURES, findings_by_line

FIXTURE = FIXTURES / "LKL302" / "raised_before_acquired.py"


def test_a_release_skipped_only_by_a_computation_is_low() -> None:
    source = FIXTURE.read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "# strict profile only" in text)
    assert line not in findings_by_line(source, "LKL302", "default")
    finding = findings_by_line(source, "LKL302", "strict")[line]
    assert finding.confidence.value == "low"
    assert "only a statement that computes" in finding.message


def test_a_computation_does_not_reach_an_os_error_handler() -> None:
    source = FIXTURE.read_text(encoding="utf-8")
    handler_line = next(n for n, text in enumerate(source.splitlines(), 1) if "logging.FileHandler" in text)
    assert handler_line not in findings_by_line(source, "LKL302", "strict")


def test_io_before_the_release_keeps_the_finding() -> None:
    source = (
        "import subprocess\n\n\ndef run(path, source):\n"
        "    try:\n        p = subprocess.Popen(path, stdin=subprocess.PIPE)\n"
        "        data = source.read()\n        p.communicate(data)\n"
        "    except OSError as error:\n        raise RuntimeError(error) from error\n"
    )
    assert findings_by_line(source, "LKL302", "default")[6].confidence.value == "medium"
