"""The oracle's probe programs: leaky shapes and their near misses, generated from templates
(resource kinds x ways the value is consumed x control flow), plus hand-written real-code shapes.

Every probe is a complete program: it reads the input files ``oracle_runner.prepare`` writes
(data.txt, data.csv, data.json, db.sqlite, arch.tar, arch.zip, data.gz), prints what it computed,
and may write files. ``show`` turns whatever a function returned into text, consuming iterators,
cursors and readers, and calling callables: that is where a resource closed too early shows up.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

PRELUDE = '''\
KEEP = []


def hold(value):
    KEEP.append(value)


def show(value, depth=0):
    if depth > 4:
        return "..."
    if callable(value) and not isinstance(value, type):
        value = value()
    if value is None or isinstance(value, (str, bytes, int, float, bool)):
        return repr(value)
    if isinstance(value, dict):
        return repr(sorted((repr(k), show(v, depth + 1)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(show(v, depth + 1) for v in value) + "]"
    if hasattr(value, "read"):
        return show(value.read(), depth + 1)
    if hasattr(value, "__iter__"):
        return show(list(value), depth + 1)
    return type(value).__name__
'''


@dataclass(frozen=True)
class Probe:
    name: str
    source: str
    observes_release: bool = False  # its output may legitimately change when a release moves


@dataclass(frozen=True)
class Pattern:
    """What a function does with the resource ``{v}`` made by ``{make}``: statements, then the
    value it returns (None: returns nothing)."""

    name: str
    lines: Tuple[str, ...]
    result: Optional[str]
    observes_release: bool = False


@dataclass(frozen=True)
class Kind:
    name: str
    imports: Tuple[str, ...]
    make: str
    var: str
    patterns: Tuple[Pattern, ...]


def P(name: str, result: Optional[str], *lines: str, observes_release: bool = False) -> Pattern:
    return Pattern(name, tuple(lines), result, observes_release)


_BOUND = "{v} = {make}"

READ_PATTERNS = (
    P("read", "{v}.read()", _BOUND),
    P("readlines", "{v}.readlines()", _BOUND),
    P("map", "map(str.strip, {v})", _BOUND),
    P("genexp", "(l.strip() for l in {v})", _BOUND),
    P("iter", "iter({v})", _BOUND),
    P("enumerate", "enumerate({v})", _BOUND),
    P("filter", "filter(None, {v})", _BOUND),
    P("zip", "zip(range(2), {v})", _BOUND),
    P("csv-reader", "csv.reader({v})", _BOUND),
    P("tuple-of-generator", "(1, (l for l in {v}))", _BOUND),
    P("list-of-map", "list(map(str.strip, {v}))", _BOUND),
    P("sum-of-generator", "sum(1 for _ in {v})", _BOUND),
    P("loop-print", None, _BOUND, "for line in {v}:", "    print(line.strip())"),
    P("iterator-consumed", "first", _BOUND, "it = iter({v})", "first = next(it)"),
    P("iterator-returned", "it", _BOUND, "it = iter({v})"),
    P("bound-method", "{v}.readline", _BOUND),
    P("lambda", "lambda: {v}.read()", _BOUND),
    P("held-iterator", "KEEP[-1]", _BOUND, "hold(iter({v}))"),
    P("name", "{v}.name", _BOUND),
    P("closed-explicitly", "data", _BOUND, "data = {v}.read()", "{v}.close()"),
    P("used-after-close", "{v}.read()", _BOUND, "{v}.close()"),
    P("handed-to-helper", "KEEP[-1]", _BOUND, "hold({v})"),
    P("header-then-rest", "(header, [l for l in {v}])", _BOUND, "header = {v}.readline()"),
    P("early-return", "{v}.read()", _BOUND, "if len({v}.readline()) > 100:", "    return 'long'"),
    P("with-statement", "data", "with {make} as {v}:", "    data = {v}.read()"),
    P("inline-read", "{make}.read()"),
    P("inline-readlines", "{make}.readlines()"),
    P("inline-list", "list({make})"),
    P("inline-map", "map(str.strip, {make})"),
    P("inline-list-comprehension", "[l.strip() for l in {make}]"),
    P("inline-loop", None, "for line in {make}:", "    print(line.strip())"),
    P("inline-sum", "sum(1 for _ in {make})"),
    P("inline-held", "KEEP[-1]", "hold({make})"),
)

WRITE_PATTERNS = (
    P("write", None, _BOUND, "{v}.write('one\\n')"),
    P("writelines", None, _BOUND, "{v}.writelines(['a\\n', 'b\\n'])"),
    P("print-to-file", None, _BOUND, "print('printed', file={v})"),
    P("csv-writer", None, _BOUND, "csv.writer({v}).writerow([1, 2])"),
    P("json-dump", None, _BOUND, "json.dump({{'a': 1}}, {v})"),
    P("write-in-loop", None, _BOUND, "for i in range(3):", "    {v}.write(str(i))"),
    P("write-return-name", "{v}.name", _BOUND, "{v}.write('named')"),
    P("write-then-read-back", "open('out.txt').read()", _BOUND, "{v}.write('early')", observes_release=True),
    P("write-closed-explicitly", None, _BOUND, "{v}.write('x')", "{v}.close()"),
    P("inline-write", None, "{make}.write('inline')"),
    P("write-held", None, _BOUND, "hold({v})", "{v}.write('held')"),
    P("writer-returned", "w", _BOUND, "w = csv.writer({v})"),
)

SQLITE_PATTERNS = (
    P("execute-returned", "{v}.execute('select x from t order by x')", _BOUND),
    P("cursor-returned", "{v}.cursor()", _BOUND),
    P("iter-cursor", "iter(cur)", _BOUND, "cur = {v}.execute('select x from t order by x')"),
    P("fetchall", "{v}.execute('select x from t order by x').fetchall()", _BOUND),
    P("cursor-consumed", "cur.fetchall()", _BOUND, "cur = {v}.cursor()", "cur.execute('select count(*) from t')"),
    P("insert-committed", "{v}.total_changes", _BOUND, "{v}.execute('insert into t values (9)')", "{v}.commit()"),
    P("insert-uncommitted", None, _BOUND, "{v}.execute('insert into t values (8)')"),
    P("transaction-with", "n", _BOUND, "with {v}:", "    {v}.execute('insert into t values (7)')",
      "n = {v}.execute('select count(*) from t').fetchone()[0]"),
    P("with-item-insert", None, "with {make} as {v}:", "    {v}.execute('insert into t values (6)')"),
    P("with-item-cursor-returned", "cur", "with {make} as {v}:", "    cur = {v}.execute('select x from t')"),
    P("with-item-fetch", "rows", "with {make} as {v}:", "    rows = {v}.execute('select x from t').fetchall()"),
    P("closed-explicitly", "rows", _BOUND, "rows = {v}.execute('select x from t').fetchall()", "{v}.close()"),
    P("inline-fetchone", "{make}.execute('select count(*) from t').fetchone()"),
    P("inline-execute", "{make}.execute('select x from t')"),
    P("handed-to-helper", "KEEP[-1].execute('select 1').fetchone()", _BOUND, "hold({v})"),
)

TAR_PATTERNS = (
    P("names", "{v}.getnames()", _BOUND),
    P("extractfile-returned", "{v}.extractfile('a.txt')", _BOUND),
    P("extractfile-read", "{v}.extractfile('a.txt').read()", _BOUND),
    P("members-loop", None, _BOUND, "for member in {v}.getmembers():", "    print(member.name, member.size)"),
    P("inline-extractfile", "{make}.extractfile('b.txt')"),
    P("inline-names", "{make}.getnames()"),
    P("member-kept", "m", _BOUND, "m = {v}.extractfile('a.txt')"),
)

ZIP_PATTERNS = (
    P("namelist", "{v}.namelist()", _BOUND),
    P("read", "{v}.read('a.txt')", _BOUND),
    P("open-returned", "{v}.open('a.txt')", _BOUND),
    P("inline-read", "{make}.read('a.txt')"),
    P("infolist-loop", None, _BOUND, "for info in {v}.infolist():", "    print(info.filename)"),
)

GZIP_PATTERNS = (
    P("read", "{v}.read()", _BOUND),
    P("iter", "iter({v})", _BOUND),
    P("list-of-lines", "list({v})", _BOUND),
    P("inline-read", "{make}.read()"),
    P("map", "map(bytes.strip, {v})", _BOUND),
)

SELECTOR_PATTERNS = (
    P("map-returned", "{v}.get_map()", _BOUND, "a, b = socket.socketpair()", "hold((a, b))",
      "{v}.register(a, selectors.EVENT_READ)"),
    P("map-length", "len({v}.get_map())", _BOUND, "a, b = socket.socketpair()", "hold((a, b))",
      "{v}.register(a, selectors.EVENT_READ)"),
    P("select-nothing-ready", "{v}.select(0)", _BOUND, "a, b = socket.socketpair()", "hold((a, b))",
      "{v}.register(a, selectors.EVENT_READ)"),
)

TEMPFILE_PATTERNS = (
    P("write-seek-read", "{v}.read()", _BOUND, "{v}.write(b'temp')", "{v}.seek(0)"),
    P("returned-open", "{v}", _BOUND, "{v}.write(b'kept')", "{v}.seek(0)"),
)

EXECUTOR_PATTERNS = (
    P("map-list", "list({v}.map(abs, [-1, -2]))", _BOUND),
    P("submit-result", "{v}.submit(abs, -3).result()", _BOUND),
    P("map-returned", "{v}.map(abs, [-4, -5])", _BOUND),
    P("shutdown-explicitly", "r", _BOUND, "r = {v}.submit(abs, -6).result()", "{v}.shutdown()"),
)

SOCKETPAIR_PATTERNS = (
    P("tuple-send-recv", "b.recv(3)", "a, b = {make}", "a.sendall(b'abc')"),
    P("tuple-kept", "pair[1].recv(2)", "pair = {make}", "pair[0].sendall(b'xy')"),
    P("with-each", "data", "a, b = {make}", "with a, b:", "    a.sendall(b'w')", "    data = b.recv(1)"),
)

POPEN_PATTERNS = (
    P("stdout-read", "{v}.stdout.read()", _BOUND),
    P("communicate", "{v}.communicate()[0]", _BOUND),
)

KINDS: Tuple[Kind, ...] = (
    Kind("file-read", ("csv",), "open('data.txt')", "f", READ_PATTERNS),
    Kind("file-write", ("csv", "json"), "open('out.txt', 'w')", "out", WRITE_PATTERNS),
    Kind("sqlite", ("sqlite3",), "sqlite3.connect('db.sqlite')", "conn", SQLITE_PATTERNS),
    Kind("tarfile", ("tarfile",), "tarfile.open('arch.tar')", "tar", TAR_PATTERNS),
    Kind("zipfile", ("zipfile",), "zipfile.ZipFile('arch.zip')", "archive", ZIP_PATTERNS),
    Kind("gzip", ("gzip",), "gzip.open('data.gz')", "g", GZIP_PATTERNS),
    Kind("selector", ("selectors", "socket"), "selectors.DefaultSelector()", "sel", SELECTOR_PATTERNS),
    Kind("tempfile", ("tempfile",), "tempfile.TemporaryFile()", "tmp", TEMPFILE_PATTERNS),
    Kind("executor", ("concurrent.futures",), "concurrent.futures.ThreadPoolExecutor(2)", "ex", EXECUTOR_PATTERNS),
    Kind("socketpair", ("socket",), "socket.socketpair()", "pair", SOCKETPAIR_PATTERNS),
    Kind("popen", ("subprocess", "sys"), "subprocess.Popen([sys.executable, '-c', 'print(1)'], stdout=subprocess.PIPE)",
         "proc", POPEN_PATTERNS),
)

# Control flow around the pattern. ``{body}`` is the pattern's statements (indented by the
# template), ``{result}`` its value. Kinds whose resources are cheap get every flow.
FLOWS: Dict[str, str] = {
    "function": "def work():\n{body}\n    return {result}\n\n\nprint(show(work()))\n",
    "method": (
        "class Worker:\n    def work(self):\n{body8}\n        return {result}\n\n\nprint(show(Worker().work()))\n"
    ),
    "branch": (
        "def work(flag):\n    if flag:\n{body8}\n        return {result}\n    return 'skipped'\n\n\n"
        "print(show(work(True)))\nprint(show(work(False)))\n"
    ),
    "loop": (
        "def work():\n    found = []\n    for _ in range(2):\n{body8}\n        found.append(show({result}))\n"
        "    return found\n\n\nprint(show(work()))\n"
    ),
    "try": (
        "def work():\n    try:\n{body8}\n        return {result}\n    except KeyError:\n        return 'missing'\n\n\n"
        "print(show(work()))\n"
    ),
    "raise-after": (
        "def work():\n{body}\n    raise RuntimeError(show({result}))\n\n\ntry:\n    work()\nexcept RuntimeError as e:\n"
        "    print('raised', e)\n"
    ),
    "generator": "def work():\n{body}\n    yield {result}\n\n\nprint(show(list(work())))\n",
    "module": "{body0}\nRESULT = {result}\nprint(show(RESULT))\n",
}

CHEAP_KINDS = frozenset({"file-read", "file-write", "sqlite", "gzip", "tarfile", "zipfile"})
ALL_FLOWS_KINDS = frozenset({"file-read", "file-write", "sqlite"})


def _indent(lines: Sequence[str], width: int) -> str:
    if not lines:
        return " " * width + "pass"
    return "\n".join(" " * width + line for line in lines)


def render(kind: Kind, pattern: Pattern, flow: str) -> Optional[str]:
    lines = [line.format(v=kind.var, make=kind.make) for line in pattern.lines]
    result = (pattern.result or "None").format(v=kind.var, make=kind.make)
    if flow == "module" and any(line.lstrip().startswith("return") for line in lines):
        return None
    template = FLOWS[flow]
    body = template.format(
        body=_indent(lines, 4), body8=_indent(lines, 8), body0=_indent(lines, 0) if lines else "", result=result
    )
    imports = "".join(f"import {name}\n" for name in kind.imports)
    return f"{imports}\n\n{PRELUDE}\n\n{body}"


def generated() -> Iterator[Probe]:
    for kind in KINDS:
        if kind.name in ALL_FLOWS_KINDS:
            flows: Sequence[str] = tuple(FLOWS)
        elif kind.name in CHEAP_KINDS:
            flows = ("function", "loop", "module")
        else:
            flows = ("function",)
        for pattern in kind.patterns:
            for flow in flows:
                if kind.name not in ALL_FLOWS_KINDS and flow != "function" and pattern.name.startswith("inline"):
                    continue
                if kind.name in ALL_FLOWS_KINDS and flow in ("method", "try", "generator") and len(kind.patterns) > 20:
                    # the read patterns are many: three flows exercise each of them, the rest sample
                    if pattern.name not in ("map", "read", "iterator-consumed", "inline-map", "lambda", "held-iterator"):
                        continue
                if pattern.name == "insert-uncommitted" and flow == "loop":
                    continue  # the second round waits for the first round's write lock: a real hang
                source = render(kind, pattern, flow)
                if source is not None:
                    yield Probe(f"{kind.name}/{pattern.name}/{flow}", source, pattern.observes_release)


# Real-code shapes and the name-hygiene probes, written out in full.
HANDWRITTEN: Dict[str, str] = {
    "parameter-named-contextlib": """
import sqlite3


def count(path, contextlib):
    conn = sqlite3.connect(path)
    n = conn.execute('select count(*) from t').fetchone()[0]
    print(contextlib, n)


count('db.sqlite', 'param')
""",
    "alias-named-contextlib": """
import sqlite3
import json as contextlib


def count(path):
    conn = sqlite3.connect(path)
    n = conn.execute('select count(*) from t').fetchone()[0]
    print(contextlib.dumps(n))


count('db.sqlite')
""",
    "long-lived-logger": """
LOG = []


class Logger:
    def __init__(self, stream):
        self.stream = stream

    def log(self, text):
        self.stream.write(text)


def start_logging(stream):
    LOG.append(Logger(stream))


def setup():
    start_logging(open('log.txt', 'w'))


setup()
LOG[0].log('still open\\n')
""",
    "asynchronous-transfer": """
import threading

DONE = []


class Client:
    def start_upload(self, stream):
        self.worker = threading.Thread(target=lambda: DONE.append(stream.read()))
        self.pending = True
        self.stream = stream

    def finish(self):
        self.worker.start()
        self.worker.join()


def upload(client):
    client.start_upload(open('data.txt', 'rb'))


client = Client()
upload(client)
client.finish()
print(DONE)
""",
    "socket-connected-later": """
import socket

PENDING = []


def connect_later(sock):
    PENDING.append(sock)


def probe():
    a, b = socket.socketpair()
    b.close()
    s = a
    s.settimeout(1)
    connect_later(s)


probe()
PENDING[0].sendall(b'')
print('sent')
""",
    "mmap-into-wrapper": """
import mmap


class Wrapper:
    def __init__(self, mapped):
        self.mapped = mapped

    def read(self):
        return self.mapped[:5]


def load(f):
    return Wrapper(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))


with open('data.txt', 'rb') as f:
    print(load(f).read())
""",
    "mmap-name-into-wrapper": """
import mmap


class Wrapper:
    def __init__(self, mapped):
        self.mapped = mapped


def load(f):
    mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    wrapper = Wrapper(mapped)
    return wrapper


with open('data.txt', 'rb') as f:
    print(load(f).mapped[:4])
""",
    "mmap-sliced": """
import mmap


def head(f):
    mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    return mapped[:5]


with open('data.txt', 'rb') as f:
    print(head(f))
""",
    "csv-rows-generator-function": """
import csv


def rows(path):
    f = open(path, newline='')
    for row in csv.reader(f):
        yield row


print(list(rows('data.csv')))
""",
    "contextmanager-close-after-yield": """
import contextlib


@contextlib.contextmanager
def opened(path):
    f = open(path)
    f.readline()
    yield f
    f.close()


with opened('data.txt') as f:
    print(f.read())
try:
    with opened('data.txt') as f:
        print(f.readline())
        raise KeyError('body')
except KeyError as e:
    print('raised', e)
""",
    "generator-close-after-loop": """
def rows(path):
    f = open(path)
    for line in f:
        yield line.strip()
    f.close()


print(list(rows('data.txt')))
gen = rows('data.txt')
print(next(gen))
gen.close()
print('closed early')
""",
    "sqlite-rows-generator": """
import sqlite3


def rows(path):
    conn = sqlite3.connect(path)
    for row in conn.execute('select * from t'):
        yield row
    conn.close()


print(list(rows('db.sqlite')))
""",
    "dict-reader-returned": """
import csv


def rows(path):
    f = open(path, newline='')
    return csv.DictReader(f)


print([dict(r) for r in rows('data.csv')])
""",
    "json-load-inline": """
import json


def load():
    return json.load(open('data.json'))


print(load())
""",
    "exec-read": """
def run(scope):
    exec(open('data.txt').read().replace('\\n', ' ').split()[0] + ' = 1', scope)


scope = {}
run(scope)
print(sorted(k for k in scope if not k.startswith('__')))
""",
    "stored-on-self-read-later": """
class Reader:
    def __init__(self, path):
        self.f = open(path)

    def first(self):
        return self.f.readline()


print(Reader('data.txt').first())
""",
    "two-connections-one-import": """
import sqlite3


def a():
    conn = sqlite3.connect('db.sqlite')
    return conn.execute('select min(x) from t').fetchone()


def b():
    conn = sqlite3.connect('db.sqlite')
    return conn.execute('select max(x) from t').fetchone()


print(a(), b())
""",
    "docstring-future-imports": '''"""A module with a docstring."""
from __future__ import annotations

import os
import sqlite3


def count():
    conn = sqlite3.connect('db.sqlite')
    return conn.execute('select count(*) from t').fetchone()[0], os.path.basename('db.sqlite')


print(count())
''',
    "global-iterator": """
LINES = None


def setup():
    global LINES
    f = open('data.txt')
    LINES = iter(f)


setup()
print(next(LINES))
""",
    "nested-def-reads-later": """
def make():
    f = open('data.txt')

    def read():
        return f.read()

    return read


print(make()())
""",
    "callback-list": """
CALLBACKS = []


def register():
    f = open('data.txt')
    CALLBACKS.append(f.readline)


register()
print(CALLBACKS[0]())
""",
    "exception-holds-file": """
class Problem(Exception):
    pass


def work():
    f = open('data.txt')
    raise Problem(f)


try:
    work()
except Problem as e:
    print(e.args[0].readline())
""",
    "tar-through-name-kept": """
import tarfile


def member(n):
    t = tarfile.open('arch.tar')
    m = t.extractfile(n)
    return m


print(member('a.txt').read())
""",
    "sqlite-with-cursor-after": """
import sqlite3


def rows():
    with sqlite3.connect('db.sqlite') as conn:
        cur = conn.execute('select x from t order by x')
    return cur.fetchall()


print(rows())
""",
    "socketpair-discarded": """
import socket


def pair():
    socket.socketpair()
    return 'ok'


print(pair())
""",
    "tempfile-mkstemp": """
import os
import tempfile


def make():
    fd, path = tempfile.mkstemp(dir='.')
    os.write(fd, b'x')
    return os.path.basename(path).startswith('tmp')


print(make())
""",
    "generator-yield-lines": """
def lines():
    f = open('data.txt')
    for line in f:
        yield line.strip()


print(list(lines()))
""",
    "partial-generator-expression": """
def count():
    return sum(1 for line in open('data.txt') if line.strip())


print(count())
""",
    "zip-open-member": """
import zipfile


def member():
    z = zipfile.ZipFile('arch.zip')
    return z.open('a.txt')


print(member().read())
""",
    "executor-submits-bound-read": """
import concurrent.futures


def start(pool):
    f = open('data.txt')
    return pool.submit(f.read)


with concurrent.futures.ThreadPoolExecutor(1) as pool:
    print(start(pool).result())
""",
    "asyncio-run-in-executor": """
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = open('data.txt')
    fut = loop.run_in_executor(None, f.read)
    return await fut


print(asyncio.run(main()))
""",
    "thread-writes-later": """
import threading


def start():
    out = open('out.txt', 'w')
    return threading.Thread(target=out.write, args=('late',))


t = start()
t.start()
t.join()
print('joined')
""",
    "dict-of-readers": """
import csv


def readers():
    f = open('data.csv', newline='')
    return {'rows': csv.reader(f)}


print([list(r) for r in readers().values()])
""",
    "starred-tuple": """
def lines():
    f = open('data.txt')
    return (*map(str.strip, f),)


print(lines())
""",
    "formatted-line": """
def first():
    f = open('data.txt')
    return f"<{f.readline().strip()}>"


print(first())
""",
    "conditional-read": """
def maybe(flag):
    f = open('data.txt')
    return f.read() if flag else None


print(maybe(True), maybe(False))
""",
    "write-then-exception": """
def work():
    out = open('out.txt', 'w')
    out.write('before')
    raise ValueError('boom')


try:
    work()
except ValueError:
    print('caught')
""",
    "gzip-text-lines": """
import gzip


def lines():
    g = gzip.open('data.gz', 'rt')
    return [l.strip() for l in g]


print(lines())
""",
    "sqlite-rows-generator": """
import sqlite3


def rows():
    conn = sqlite3.connect('db.sqlite')
    for row in conn.execute('select x from t order by x'):
        yield row[0]


print(list(rows()))
""",
    "returned-after-set-up": """
import sqlite3


def open_db(path, statement):
    conn = sqlite3.connect(path)
    conn.execute(statement)
    return conn


conn = open_db('db.sqlite', 'select 1')
print(conn.execute('select count(*) from t').fetchone())
try:
    open_db('db.sqlite', 'not sql')
except sqlite3.OperationalError as error:
    print('caught', error)
""",
    "factory-result-read": """
import sqlite3


def open_readonly(path):
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    return db


def count(path):
    db = open_readonly(path)
    cursor = db.execute('select count(*) from t')
    return cursor.fetchone()[0]


print(count('db.sqlite'))
""",
    "local-borrower-inline": """
def first_line(stream):
    return stream.readline().strip()


def head(path):
    return first_line(open(path))


print(head('data.txt'))
""",
}


def all_probes() -> List[Probe]:
    probes = list(generated())
    probes.extend(Probe(f"real/{name}", textwrap.dedent(source).lstrip("\n")) for name, source in HANDWRITTEN.items())
    return probes
