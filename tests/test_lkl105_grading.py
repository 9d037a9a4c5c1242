"""LKL105 grades a kept exception by what outlives the call (the default-visibility policy): a
container that outlives it and gains one traceback per failure is in the default selection (high
on a process-lifetime root, medium on `self`); cycles that die with the call, on a rare path or
on every call, only in the strict profile, except a traceback or the running frame named in a
local of its own function (`tb = sys.exc_info()[2]`, `frame = inspect.currentframe()`), the
pattern the `sys.exc_info()` and `inspect` documentation warn against: medium."""

from __future__ import annotations

from conftest import FIXTURES, findings_by_line

FIXTURE = FIXTURES / "LKL105" / "tracebacks.py"


def test_rare_path_lines_are_low_and_shown_by_the_strict_profile() -> None:
    source = FIXTURE.read_text(encoding="utf-8")
    rare = [n for n, line in enumerate(source.splitlines(), 1) if "strict profile only" in line]
    assert len(rare) >= 6
    default = findings_by_line(source, "LKL105", "default")
    strict = findings_by_line(source, "LKL105", "strict")
    for line in rare:
        assert line not in default, line
        assert line in strict, line
        assert strict[line].confidence.value == "low", line
    # each low line says why: a rare path, one name or slot keeping the latest failure only, or
    # a container that is the function's result
    reasons = ("only when this error happens", "only the latest failure", "kept on purpose", "runs once")
    for line in rare:
        assert any(reason in strict[line].message for reason in reasons), (line, strict[line].message)


def test_only_holders_that_outlive_the_call_are_in_the_default_selection() -> None:
    source = FIXTURE.read_text(encoding="utf-8")
    marked = [n for n, line in enumerate(source.splitlines(), 1) if "# error: LKL105" in line]
    default = findings_by_line(source, "LKL105", "default")
    assert sorted(default) == marked
    assert {f.confidence.value for f in default.values()} <= {"high", "medium"}
    # a traceback named in a local is the pattern the `sys.exc_info()` docs warn against: medium
    local = "import sys\n\n\ndef where():\n    try:\n        raise ValueError\n    except ValueError:\n        tb = sys.exc_info()[2]\n    return tb.tb_frame\n"
    assert findings_by_line(local, "LKL105", "default")[8].confidence.value == "medium"
    # only the exception, or the traceback bound to `_`, dies with the call: strict only
    for kept in ("err = sys.exc_info()[1]", "_, err, _ = sys.exc_info()", "kind, err = sys.exc_info()[:2]"):
        only_exception = local.replace("tb = sys.exc_info()[2]", kept).replace("return tb.tb_frame", "print(err)")
        assert findings_by_line(only_exception, "LKL105", "default") == {}, kept
        assert findings_by_line(only_exception, "LKL105", "strict")[8].confidence.value == "low", kept
    # the documented fix leaves nothing to report
    released = local.replace("    return tb.tb_frame\n", "    try:\n        return tb.tb_frame\n    finally:\n        del tb\n")
    assert findings_by_line(released, "LKL105", "strict") == {}
    module_list = "FAILED = []\n\n\ndef run(job):\n    try:\n        job()\n    except Exception as e:\n        FAILED.append(e)\n"
    assert findings_by_line(module_list, "LKL105", "default")[8].confidence.value == "high"


def test_one_name_in_a_retry_loop_is_low() -> None:
    once = (
        "def read(path, load):\n    err = None\n    try:\n        return load(path)\n"
        "    except OSError as e:\n        err = e\n    raise RuntimeError(path) from err\n"
    )
    looped = (
        "def read(paths, load):\n    err = None\n    for path in paths:\n        try:\n"
        "            return load(path)\n        except OSError as e:\n            err = e\n"
        "    raise RuntimeError(paths) from err\n"
    )
    assert findings_by_line(once, "LKL105", "default") == {}
    assert findings_by_line(once, "LKL105", "strict")[6].confidence.value == "low"
    # `err = e` keeps only the latest failure of a retry loop: one young cycle per failing call
    assert findings_by_line(looped, "LKL105", "default") == {}
    assert "only the latest failure" in findings_by_line(looped, "LKL105", "strict")[7].message
    collected = looped.replace("err = None", "errs = []").replace("err = e", "errs.append(e)").replace(
        "from err", "from None")
    # a local list of every failure dies with the call: strict only (the default-visibility policy)
    assert findings_by_line(collected, "LKL105", "default") == {}
    assert findings_by_line(collected, "LKL105", "strict")[7].confidence.value == "low"


def test_a_loop_outside_a_nested_function_does_not_count() -> None:
    source = (
        "def outer(jobs):\n    for job in jobs:\n        def run():\n            try:\n"
        "                job()\n            except Exception as e:\n                err = e\n"
        "                print(err)\n        run()\n"
    )
    assert findings_by_line(source, "LKL105", "default") == {}
    assert findings_by_line(source, "LKL105", "strict")[7].confidence.value == "low"


def test_a_fix_names_each_name_once_and_never_clears_the_result() -> None:
    source = (
        "import sys\n\n\ndef parse(reader):\n    try:\n        return reader.read()\n    except ValueError:\n"
        "        _, err, _ = sys.exc_info()\n        reader.log(err)\n        raise\n\n\n"
        "def handle(route, request):\n    try:\n        out = route(request)\n    except KeyError as exc:\n"
        "        out = exc\n    return out\n"
    )
    findings = findings_by_line(source, "LKL105", "strict")
    # `del _, err, _` would raise NameError on the second `_`
    assert "`del _, err`" in findings[8].suggestion
    # `out` is returned: clearing it in a `finally:` would return None, so it is not reported
    assert 17 not in findings


def test_errors_a_nested_attempt_collects_for_the_function_around_it_to_raise_are_low() -> None:
    source = (FIXTURES / "LKL105" / "consequence.py").read_text(encoding="utf-8")
    lines = [n for n, text in enumerate(source.splitlines(), 1) if text.strip() == "failures.append(exc)"]
    assert lines
    strict = findings_by_line(source, "LKL105", "strict")
    assert all(strict[n].confidence.value == "low" and "kept on purpose" in strict[n].message for n in lines)
    assert not set(lines) & set(findings_by_line(source, "LKL105", "default"))


def test_a_named_traceback_is_medium_only_when_the_exception_leaves_with_this_frame() -> None:
    source = (
        "import sys\n\n\ndef convert(value, parse):\n    try:\n        return parse(value)\n"
        "    except ValueError:\n        exc_t, exc_v, exc_tb = sys.exc_info()\n        log(exc_t, exc_v, exc_tb)\n"
        "        if isinstance(exc_v, KeyError):\n            raise exc_v\n        else:\n"
        "            raise TypeError(str(exc_v))\n"
    )
    # every arm of the handler's last `if` raises: the new error chains this frame up the stack
    assert findings_by_line(source, "LKL105", "default")[8].confidence.value == "medium"
    # `from None` drops the chain, and a handler that returns keeps one young cycle: strict only
    unchained = source.replace("raise TypeError(str(exc_v))", "raise TypeError(str(exc_v)) from None")
    returns = source.replace("raise TypeError(str(exc_v))", "return None")
    for quiet in (unchained, returns):
        assert findings_by_line(quiet, "LKL105", "default") == {}
        assert findings_by_line(quiet, "LKL105", "strict")[8].confidence.value == "low"
    # a loop that hands the exception to a queue's consumer does not pile tracebacks up here
    queued = (
        "import sys\n\n\ndef serve(calls, replies):\n    for call in calls:\n        try:\n"
        "            replies.put(call())\n        except Exception:\n            et, ev, tb = sys.exc_info()\n"
        "            replies.put({'code': 500, 'data': ev})\n"
    )
    assert findings_by_line(queued, "LKL105", "default") == {}
