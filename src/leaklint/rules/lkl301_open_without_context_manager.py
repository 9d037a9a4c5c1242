"""LKL301: a file opened without a context manager and not reliably closed."""

from __future__ import annotations

from typing import Any, List, Mapping

import libcst as cst

from leaklint.analysis import std_wrappers
from leaklint.analysis.resource_rule import ResourceRule
from leaklint.analysis.resources import FILE
from leaklint.rule import Bad, Confidence, FixSafety, Good, Option
from leaklint.analysis.names import last_name


class OpenWithoutContextManager(ResourceRule):
    """
    ## What it does
    Flags a file that is opened without a context manager and is not closed on every path:
    `open`, `io.open`, `codecs.open`, `Path(...).open`, `gzip`/`bz2`/`lzma.open`, `tarfile.open`,
    `zipfile.ZipFile`, the `tempfile` file classes, `os.fdopen`, `dbm`/`shelve.open`, and raw file
    descriptors from `os.open` and `tempfile.mkstemp`. `p.open()` counts as `Path(...).open` when
    every binding of the local `p` is a path and the function's own body makes it before the use
    (`file = Path(file)` at its start). A class of the project whose one base is one of these
    classes (`class Bundle(zipfile.ZipFile)`) makes the same file, here and in the modules that
    import it.

    ## Why is this bad?
    A file that is never closed keeps its descriptor (and, for writes, its unflushed buffer) until
    the garbage collector gets to it. CPython usually closes it when the last reference goes away,
    but PyPy and other interpreters do not, a reference cycle or a traceback can keep it alive,
    written data may not be on disk when another process reads the file, and `python -X dev`
    reports a `ResourceWarning`. A file closed with `f.close()` but not in a `finally:` block leaks
    whenever an exception is raised before the close.

    leaklint tracks ownership rather than syntax: a file is fine when it is closed in a `finally:`
    block or by `with`, `contextlib.closing` or `ExitStack.enter_context`, when it is returned or
    yielded to the caller, handed to another object, stored on `self` in a class that closes it,
    or opened inside `__enter__`. It is not fine when only part of it escapes:
    `return open(p).read()` or `json.load(open(p))`. Handed to a class of the same module
    (`Stream(open(p))`, `cls(f)` in a classmethod, `self.attach(f)`) that stores it on `self`, it is
    that object's when the class, a helper it calls or a subclass closes the attribute; a class
    that stores it and never closes it leaves it the caller's. Passed inline or bound to a name
    first, the value is judged the same way.

    Two confidences: "never closed" is high; "closed, but not if an exception is raised before
    the close" is medium.

    A `yield` is a way out too. A file closed after a `yield`, not in `finally:` or by `with`,
    stays open when the generator does not come back: under `@contextmanager` (or
    `@asynccontextmanager`) an exception in the caller's `with` body is thrown in at the `yield`
    (high: a normal use of the API), and a plain generator that its consumer stops iterating early
    gets `GeneratorExit` there when it is closed or dropped (medium). A file that the generator
    yields and closes afterwards is still the generator's. Generators driven by something else
    (a pytest fixture, resumed normally after a failing test; a framework's decorator) get no
    verdict about their `yield`.

    ## Fix safety
    Every fix puts the file under `with`, so it is closed where the block ends. A fix is offered
    only when nothing derived from the file outlives that point: not the file, not an iterator or
    reader over it (`iter`, `map`, `filter`, `enumerate`, `zip`, `csv.reader`, a generator
    expression), not a bound method (`f.readline`), a member file (`tar.extractfile(n)`), a lambda
    or nested function that uses it, nor a tuple or list holding one of those. Such a value must not
    be returned, yielded, raised, stored in an attribute, an item or a `global`, handed to a thread,
    task or executor, or handed to a callable leaklint does not model (it may keep it: a logger, a
    background transfer, a wrapper). A call leaklint does not model counts as keeping the file; a
    function of the same module that only uses its parameter (neither keeps, closes nor hands it
    on) counts as not keeping it, whether the file is passed inline or bound to a name first.
    When something escapes there is no fix, and the suggestion says what escapes. Then:

    - one statement, `data = open(p).read()` into `with open(p) as f: data = f.read()`: safe when
      the call runs exactly once, before anything else with side effects in the statement, and the
      statement keeps only plain values (`read()`, `readlines()`, `json.load(...)`, `list(...)`);
    - `f = open(p)` ... `f.close()` in one block (no use of `f` after the close) into a `with`
      block: safe, the close stays where it was, also when an early `return` between them skipped
      the close;
    - a file that is never closed: wrapping the rest of the function (or module) body after
      `f = open(p)` is safe, because the file is closed where the scope ends, which is when
      CPython's reference counting closed it; only the leaking paths change (a failing close now
      raises instead of being printed as ignored). Moving only some of the following statements
      under a new `with` is unsafe: the file is closed (and flushed) earlier than before;
    - a file set up and returned (`f = open(p)` / `f.write(header)` / `return f`) whose set-up may
      raise: the set-up goes into `try:` with `except BaseException: f.close(); raise`. Safe: the
      normal path still returns the open file; only the failing path, where no caller could ever
      close it, now closes it before the exception goes on.

    Raw descriptors (`os.open`, `mkstemp`) get a suggestion only. A module-level file is closed at
    the end of the module: code that imports the module and reads its global afterwards would see
    it closed. The test suite runs several hundred probe programs before and after every safe and
    unsafe fix and compares what they print, raise and write (`tests/oracle/`).

    ## Known problems
    A function of the same module that returns a new file (`def open_data(n): return
    files(pkg).joinpath(n).open("rb")`) makes each call of it an acquisition, checked like `open`
    itself; one that may return something else on another path is not followed into its callers.
    So does a module-level function of another module of the project (`log = files.open_log(d)`
    after `from journal import files`, through `import pkg.files as files`, relative imports, a
    package's `__init__` re-export, or a function that returns such a call); the project pass
    joins the two files, so under flake8, which sees one file at a time, these are not reported.
    A function that closes what it returns, keeps it elsewhere too, or hands out a shared one
    (`global _conn` ... `return _conn`) is not a factory.
    The analysis follows every path through one function (a control-flow graph with exception
    edges): a file closed on one branch but returned past, rebound or raised past on another is
    reported ("not closed on every path", high; medium when the path starts with a caught
    exception); a `raise` of a new error while the file is open is reported with medium
    confidence. Correlated conditions are only partly understood: `if f is not None:`,
    `if f is not sys.stdin:`, a release guarded by a flag (`if not closed: os.close(fd)`) and
    error flags set in `except` blocks are; other correlations may give a false path. A file
    passed to a function (or the `__init__` of a class without bases) defined in the same module is
    judged by what it does with the parameter, the same way inline and bound to a name first;
    one passed to a method of the calling class (`self._parse(f)`) is judged by what every definition
    of it in the module does with the parameter (only read: still the caller's; not for generators);
    one passed to a callback or a method of another object is assumed to be taken over (no report).
    An implicit exception (not a `raise`) before a close is reported only when the close is not
    in `finally:`/`except:` and the file is never handed on. `self.x = open(...)` is reported
    when nothing in the module closes any `.x` and, across the project, no base class or subclass
    releases or hands on `self.x` (a base outside the project, such as `threading.Thread`, or a
    release method that reaches attributes by name, `getattr(self, n).close()`, leaves it alone;
    flake8, one file at a time, cannot see the bases of other modules and leaves classes with bases
    alone), or when `__init__` raises after opening it. Archive and compression wrappers over a stream the
    caller owns (`ZipFile(fp)`, `GzipFile(fileobj=...)`) are not reported: they hold no
    descriptor of their own. A parameter that may be a path or a file object counts as the
    caller's stream where the function says it is one: inside `if hasattr(data, "read"):` or
    `if isinstance(data, io.IOBase):`, in the other arm of `if isinstance(data, (str,
    os.PathLike)):`, after an early `raise` for objects without `read`, or when it is annotated
    `BinaryIO`/`IO[bytes]`.

    A wrapper made around a standard stream (`io.TextIOWrapper(sys.stdin.buffer, encoding=e)`,
    `BufferedReader`/`BufferedWriter` too) owns it: used once and dropped, kept in a local that
    is never `detach()`ed, or put under `with`, it closes `sys.stdin.buffer` when it goes away, so
    later reads of stdin fail (reported with medium confidence). A wrapper that is detached,
    returned, stored, or assigned to `sys.stdout` is left alone.

    ## References
    - ruff: SIM115 open-file-with-context-handler. pylint: R1732 consider-using-with.
      flake8-simplify: SIM115. CodeQL: py/file-not-closed.
    - LKL302 covers sockets, connections, processes, pools and sessions.
    """

    family = FILE
    code = "LKL301"
    name = "open-without-context-manager"
    message = "`{name}` (from `open(...)`) is never closed / not closed if an exception is raised"
    fix_title = "open the file in a `with` statement"
    fix_safety = FixSafety.SAFE
    options = (
        Option(
            "extra-resources",
            dict,
            {},
            'more file-like openers: {"mylib.open_log" = "close"} (qualified name -> release method, '
            'or a table with release, async, with, with-changes-behaviour)',
        ),
    )
    examples = (
        Bad(
            "f = open('file.txt', 'w')\nf.write('hello')\n",
            fixed="with open('file.txt', 'w') as f:\n    f.write('hello')\n",
        ),
        Bad(
            "def load(path):\n    data = open(path).read()\n    return data\n",
            fixed="def load(path):\n    with open(path) as f:\n        data = f.read()\n    return data\n",
        ),
        Bad(
            "import json\n\ndef load(path):\n    f = open(path)\n    data = json.loads(f.read())\n    f.close()\n    return data\n",
            fixed="import json\n\ndef load(path):\n    with open(path) as f:\n        data = json.loads(f.read())\n    return data\n",
        ),
        Bad(
            "def header(path, magic):\n    f = open(path, 'rb')\n    if f.read(4) != magic:\n        return None\n"
            "    data = f.read()\n    f.close()\n    return data\n",
            fixed=(
                "def header(path, magic):\n    with open(path, 'rb') as f:\n        if f.read(4) != magic:\n"
                "            return None\n        data = f.read()\n    return data\n"
            ),
        ),
        Bad(
            "import json\n\ndef load(path):\n    return json.load(open(path))\n",
            fixed="import json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n",
        ),
        Bad(
            "from contextlib import contextmanager\n\n@contextmanager\ndef opened(path):\n    f = open(path)\n"
            "    yield f\n    f.close()\n",
            fixed="from contextlib import contextmanager\n\n@contextmanager\ndef opened(path):\n    with open(path) as f:\n"
            "        yield f\n",
        ),
        Bad("import tempfile\n\n_, path = tempfile.mkstemp()\n"),
        Good("with open('file.txt', 'w') as f:\n    f.write('hello')\n"),
        Good("def load(path):\n    f = open(path)\n    try:\n        return f.read()\n    finally:\n        f.close()\n"),
        Good("def open_log(path):\n    return open(path, 'a')\n"),
        Good(
            "class Log:\n    def __init__(self, path):\n        self.file = open(path, 'a')\n\n"
            "    def close(self):\n        self.file.close()\n"
        ),
        Good("open('stamp', 'w').close()\n"),
        Good(
            "from contextlib import contextmanager\n\n@contextmanager\ndef opened(path):\n    f = open(path)\n"
            "    try:\n        yield f\n    finally:\n        f.close()\n"
        ),
    )

    def __init__(self, context: Any, settings: Mapping[str, Any]) -> None:
        super().__init__(context, settings)
        self.stream_wrappers: List[cst.Call] = []

    def visit_Call(self, node: cst.Call) -> None:
        super().visit_Call(node)
        func = node.func
        terminal = last_name(func) or ""
        if terminal in std_wrappers.TERMINALS and node.args:
            self.stream_wrappers.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        super().leave_Module(node)
        for call in self.stream_wrappers:
            stream = std_wrappers.wrapped_stream(self.context, call)
            how = std_wrappers.closes_stream(self.context, call) if stream is not None else None
            if stream is None or how is None:
                continue
            when = {
                "temporary": "as soon as this temporary wrapper is collected",
                "with": "when the `with` block ends",
                "local": "when the function returns and the wrapper is collected",
            }[how]
            self.report(
                call,
                f"the wrapper around `{stream}` owns it and closes it {when}: later reads or writes of "
                f"`{stream.split('.buffer')[0]}` fail, and the stream is reported as an unclosed file",
                suggestion="keep the wrapper in a name and call `wrapper.detach()` in a `finally:` block once done with it "
                "(or keep it for good, as `sys.stdout = ...` does)",
                confidence=Confidence.MEDIUM,
            )
