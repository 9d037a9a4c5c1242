"""LKL302: a socket, connection, process, pool or session that is not reliably released."""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, Mapping, Optional

import libcst as cst

from leaklint.analysis import checkouts
from leaklint.analysis.killed_children import SIGNALLING, KilledChild, killed_unreaped
from leaklint.analysis.names import dotted_name, last_name
from leaklint.analysis.quote import one_line_code
from leaklint.analysis.owned_members import ForgottenMember, forgotten_members
from leaklint.analysis.resource_rule import ResourceRule
from leaklint.analysis.resources import RESOURCE
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, FixSafety, Good, Option


class ResourceWithoutContextManager(ResourceRule):
    """
    ## What it does
    Flags a resource other than a file that is created without a context manager and is not
    released on every path: sockets, `sqlite3`/`psycopg`/`pymysql` connections, `subprocess.Popen`, `os.popen`,
    `urlopen` responses, `http.client` connections, executors and process pools, selectors,
    `mmap`, `tempfile.TemporaryDirectory`, `requests`/`httpx`/`aiohttp` sessions and clients,
    `smtplib` and `ftplib` clients. Extend the catalogue with the `extra-resources` option.

    ## Why is this bad?
    Each of these holds an operating-system resource (a socket, a descriptor, a child process, a
    thread pool, a temporary directory) that the garbage collector releases late or never: a
    process that is not waited for stays a zombie, an executor's threads keep running, a socket
    keeps its port. Some context managers do not release at all: `with sqlite3.connect(p) as conn`
    commits or rolls back but does not close the connection.

    The same ownership tracking as LKL301 keeps idiomatic code quiet: released in `finally:`,
    managed by `with`/`contextlib.closing`/`ExitStack`, returned or yielded, handed to another
    object, or stored on `self` in a class that releases it. "Never released" is high confidence;
    "released, but not if an exception is raised first" is medium, and low (strict profile only)
    when the object releases itself once collected (a socket, a DB-API connection, a
    `ThreadPoolExecutor`, a selector...: CPython collects it when the exception and its traceback
    are dropped, so the exception delays the release, it does not lose it; not a `Popen`, whose
    child is reaped only by the next `Popen()`, nor a process pool).

    Released after a `yield` but not in `finally:`/`with`: under `@contextmanager` or
    `@asynccontextmanager` an error in the caller's `with` body is thrown in at the `yield`, so
    the release never runs (high); a plain generator abandoned by its consumer gets
    `GeneratorExit` there (medium). pytest fixtures, resumed normally after a failing test, are
    left alone.

    A `subprocess.Popen` without pipes holds no descriptor of the parent's, only a child to reap.
    Started in a function and dropped at once, or kept in a local that nothing waits for, polls,
    signals (judged below), returns or hands on (its `pid` included), it is reported with medium confidence: the
    child stays a zombie once it exits, until a later `subprocess` call reaps it. A child detached
    on purpose (`start_new_session=True`, `preexec_fn`, `creationflags`, `process_group`), one
    started at module level, or one started just before `os._exit()` in a forked child is left
    alone.

    A connection checked out of a pool and given back by a later call of the same function
    (`conn = self._get_conn()` ... `self._put_conn(conn)`, `pool.getconn()`/`putconn(conn)`,
    `await pool.acquire()`/`release(conn)`) is reported when some path skips the give-back: a
    normal path (high), or an exception between the two (medium). The pool then loses a
    connection per failure until callers block. The pair is recognised by its verbs on the same
    receiver and the value passed back; plain `get`/`put` only on a receiver named like a pool.

    ## Fix safety
    Every fix releases the resource where a `with` block ends, and is offered only when nothing
    derived from it outlives that point (the same escape analysis as LKL301): no cursor or result
    of `conn.execute(...)`/`conn.cursor()`, no `sel.get_map()`, no bound method (`s.connect`), no
    lambda or nested function using it, is returned, yielded, raised, stored in an attribute, an
    item or a `global`, handed to a thread, task or executor (`pool.submit(...)`), handed to a
    callable leaklint does not model, or (for a `with` statement that is already there) used after
    the block. Otherwise there is no fix and the suggestion says what escapes.

    - `with sqlite3.connect(p) as conn:` becomes
      `with contextlib.closing(sqlite3.connect(p)) as conn, conn:` (still commits, now also
      closes): safe.
    - A single statement, or a create ... release block, rewritten as `with`: safe; so is wrapping
      the rest of the function (or module) body after a creation that is never released: it is
      released where the scope ends, as reference counting did.
    - A resource set up and returned (`conn = sqlite3.connect(p)` / `conn.execute(SCHEMA)` /
      `return conn`) whose set-up may raise: the set-up goes into `try:` with
      `except BaseException: conn.close(); raise`: safe, the normal path still returns it open.
    - Unsafe: moving only some of the following statements under a new `with` (it releases
      earlier), and any `with` for `Popen` (its `with` waits for the child), executors (their
      `with` waits for shutdown), `multiprocessing.Pool` (its `with` terminates the workers) and
      `smtplib`/`ftplib` clients (their `with` sends QUIT).

    Async clients get `async with`, only inside `async def`. Calls that return a tuple
    (`socket.socketpair()`) get one finding and a suggestion only. `contextlib.closing` is spelled
    as the module already imports it (`import contextlib as cl` gives `cl.closing`); otherwise the
    fix adds `import contextlib` (where isort would put it: in the standard-library block of the
    leading imports), or `from contextlib import closing` when the name `contextlib` is taken at
    the fix site or in the module (a parameter, a local, an alias, a `global`); when both names are
    taken there is no fix.

    ## Known problems
    A function (or a method called on `self`) of the same module that returns a new resource makes
    each call of it an acquisition: `db = open_readonly(p)` never closed, `with _connect() as conn:`
    on sqlite3. The same holds for a module-level function of another module of the project
    (`conn = db.connect(p)` after `from . import db`, `import pkg.db as db`, a package's
    `__init__` re-export, a function that returns such a call, or a static or class method:
    `db.Database.open(p)`): the project pass joins the
    two files (not under flake8, which sees one file at a time). A function that closes what it
    returns, keeps it elsewhere too, or hands out a shared one (`global _conn` ... `return _conn`,
    a pool's `get()`) is not a factory. When the function returns a borrowed value on another path (the running loop, or a
    new one), only a class that stores the result and never closes it is reported, at the line
    that creates it. A resource returned to the caller whose own set-up may raise first
    (`conn.execute(...)`, `sock.connect(addr)`, not `settimeout`/`setsockopt`, and not inside a
    `try` that handles the failure) is reported with medium confidence. A resource made in a
    class body (`_loop = asyncio.new_event_loop()`) that nothing releases is reported (medium); so
    are entries appended to a list on `self` that is emptied (`self.handlers = []`, `clear()`)
    without closing them, and a helper that replaces `self.session` when its caller did not close
    the old one. A public method that `__init__` also calls (`connect()`) and that replaces its
    resource without releasing it is reported with medium confidence. A fresh resource handed,
    outside any `try`, to a method of the class (or a function of the module) that takes it over
    only after work that may raise (`protocol_factory()` before the transport stores the socket)
    is reported with low confidence (strict profile): an exception there leaves it with nobody, but
    only until the traceback goes, and reviewers found no such finding worth a change.
    An instance of a class of the project that owns a resource and frees it in its own `close()`
    (`self.db = sqlite3.connect(p)` ... `def close(self): self.db.close()`, or an instance of
    another such class, also when made only if the caller gave none: `session or ClientSession()`)
    is judged like the resource: `repo = Repo(root)` never closed, lost when a `raise` leaves first,
    or stored on `self` by a class that never closes it, in the class's module and in others (the
    project pass). A class whose `close()` only closes what its caller handed it (`Reader(f)`) is
    not such a class; one that is also a context manager is, at low confidence (strict profile).
    A public attribute (`self.shm = SharedMemory(...)`) of a class with no release method of its
    own is part of its interface (the caller closes `owner.shm`): low confidence too. A `self.db` that is closed only in a method
    the class's own release method (`close`, `__exit__`, `stop`...) never reaches, directly or
    through `self` calls (`reconnect()` closes the old one, `close()` forgets the last), is reported
    with medium confidence.
    The analysis follows every path through one function, as LKL301's does (see there for what
    it understands of correlated conditions): a socket returned on success but left open when
    `connect` fails and the loop moves on or ends, an early `return` before `close()`, and a
    constructor that raises after connecting (the half-built object never reaches a caller) are
    reported, and so (medium) is a constructor that stores a resource and then connects it
    (`self.sock.connect(addr)`, `do_handshake()`, `login()`, `starttls()`, directly or in a
    method of `self` it calls) outside a `try` that handles the failure, unless the class's
    `__del__` releases it (`with Cls()` does not help: `__exit__` needs a finished `__init__`).
    Binding a local address and plain I/O after connecting (reading a greeting) are not counted.
    A constructor that stores a resource and then calls a class, function or `self` method of the
    module whose own body raises a new error outside a `try` that handles it
    (`self._executor = ThreadPoolExecutor()` then `self._sessions = Sessions(data_dir)`, which
    raises on a bad directory) is reported with medium confidence too; `raise NotImplementedError`
    does not count.
    A directory from `tempfile.mkdtemp()` is a resource removed by `shutil.rmtree` (a `path`
    entry of the models): a use is any call it is handed to, a registered removal
    (`atexit.register(shutil.rmtree, d)`, `weakref.finalize`, `addCleanup`), a return, a store, a
    call whose result is kept (`d = os.path.realpath(d)`) or a helper named for removing
    (`rmtree`, `cleanup`...) hands it over. A `requests.get(..., stream=True)` response holds its
    connection until read to the end or closed. A `Popen` killed in an `except TimeoutExpired:`
    handler after `communicate(timeout=...)`, with no `communicate()`/`wait()` after the kill, is
    reported (medium) at the kill: the child is never reaped and its pipes stay open.
    A handler that releases the resource on one branch and re-raises (a bare `raise`) on another
    without releasing it (`except OSError as e: if refused: sock.close(); continue` / `raise`) is
    reported with medium confidence; a bare `raise` alone passes the failure on and is not.
    Objects that hold resources are checked too: a `self.con = sqlite3.connect(p)` whose
    class never closes it (`with self.con:` only commits), a `self.loop = asyncio.new_event_loop()`
    in a method that replaces the loop `__init__` made (or an `__init__` that is re-run) without
    closing the old one, a loop kept on `self` that the class only stops (`stop()`, or
    `call_soon_threadsafe(loop.stop)`: `run_forever()` returns, the selector and self-pipe stay
    open) or runs in a thread that nothing stops (medium; quiet once the class stops it and joins
    that thread, and scheduling on it, `run_coroutine_threadsafe(coro, loop)` or `loop=loop`, does
    not hand it on), and a cache (`self.sessions[host] = requests.Session()`) that drops
    entries with `popitem()`/`pop()`/`del` without closing them (also a module-level dict, a value
    bound to a name before it is stored, and `_, old = cache.popitem(last=False)` where `old` is
    never used; a popped value that is closed, returned or handed to any call is taken as
    released; reported at the `del`/`pop()`/`clear()` that drops it, where the close goes), and a function under a bounded `functools.lru_cache` that returns a new resource
    (the cache drops the least recently used one without closing it; `maxsize=None` and
    `functools.cache` evict nothing), and a resource stored in a bounded mapping that evicts by
    itself (`cachetools.LRUCache`/`TTLCache`..., `boltons.cacheutils.LRU`) unless a subclass
    releases what its `popitem()` returns, or it was made with a callback for what it drops
    (`RecentlyUsedContainer(n, dispose_func=lambda p: p.close())`). A class of the project whose
    one base is a catalogued resource class (`class Session(requests.Session)`) makes that
    resource: its calls are judged like the base's, here and in the modules that import it.
    A member made from a class of the same module that
    holds a resource and releases it in its own `close()` (`self.storage = Storage(p)`) is
    reported (medium) when the owner has a release method of its own (`close`, `__exit__`,
    `stop`, `shutdown`...) and nothing in the owner calls `self.storage.close()` (or another
    release method) or hands the member on; classes with base classes are left alone on both
    sides. A method that other methods of the
    class call is left to its callers. A resource bound into `functools.partial(f, x)` for a
    function `f` of the module that keeps or closes it is handed over, unless the partial is given
    to `multiprocessing` (the child closes only its copy). A raise guarded by a platform test
    (`sys.platform`, `os.name`, `sys.version_info`) opposite to the one the acquisition was made
    under is not a path that leaks it. Logging handlers removed in a reconfiguration loop
    (`for h in logger.handlers[:]: logger.removeHandler(h)`) without `h.close()` are reported
    with medium confidence (a `StreamHandler` holds nothing, a `FileHandler` holds its file),
    unless the module shuts handlers down with a `shutdown(...)` call elsewhere. A
    resource passed to a method of the calling class (`self._send(sock, data)`) whose every
    definition in the module only reads the parameter (no store, return, release or hand-off; not
    a generator; awaited when it is a coroutine) is still the caller's to close. A resource
    stored on `self` in a class with base classes is reported when every base is a class of the
    project and none of them releases or hands on that attribute (the project pass walks the
    class hierarchy across modules; a base outside the project leaves it alone), and a class's
    resource attribute that a subclass in another module releases is not reported. A method that
    always returns a new resource (`def _connect(self): return socket.create_connection(a)`) makes
    `sock = self._connect()` in a subclass, in any module, an acquisition, and so are
    `client._connect()` after `client = Client(...)` in the same function and
    `self.client._connect()` where the class assigns `self.client = Client(...)` once (an
    override in between decides). A
    resource passed to a callback or a method of another object is assumed to be taken over by it. `subprocess.Popen` without a `PIPE`
    (or `**kwargs`) is judged only as a child to reap (above): the exception paths and the
    ownership of `self` attributes are not checked for it, and launchers that detach their child or
    poll it are left alone; nor is a `Popen` dropped right before `os._exit()` (the child of a
    double fork ends at once, with nothing left to reap). `pid = os.fork()` whose parent
    branch neither waits for the child nor exits (and whose pid is not handed on) is reported
    (medium): the child stays a zombie; a module that reaps children anywhere (`os.wait*`, a
    `SIGCHLD` handler) is left alone. A child process (a `subprocess.Popen` or `psutil.Popen` bound in
    the function or on `self`, or an expression the code polls with `.poll()`) that is signalled
    with `kill()`, `terminate()`, `send_signal()` or `os.kill(p.pid, sig)` (or a forked child's pid
    kept on `self`, `os.kill(self.child_pid, sig)`, reaped by `os.waitpid()`) and then leaves the
    function, or is dropped (`self.proc = None`, removed from the list being walked), on a normal
    path with no `wait()`/`communicate()`/`poll()`/`os.waitpid()` after the signal is reported
    (medium) at the signal: a signal does not reap, and the dead child stays a zombie (with its
    pipes open) for as long as the object holding it lives. Low when another method of the class
    waits for it or receives its exit status (`def _exited(self, returncode): self._returncode =
    returncode`, a child watcher's callback); quiet when the process is handed on after the signal,
    is the caller's (a parameter), the signalling method is itself a `kill()`/`terminate()`/
    `send_signal()` wrapper (its caller waits, as with `Popen`'s), or the signal is the
    `finally:`/`except` clean-up of a `wait()` that did not finish. A process pool
    (`multiprocessing.Pool`, bound in the function or on `self`) whose only release is `close()`,
    with no `join()` or `terminate()` anywhere and never handed on, is reported (medium): `close()`
    only stops new work, and the workers that exit afterwards stay zombies until the pool's
    finaliser runs (a `ThreadPool` is left alone: its workers are threads). `tempfile.TemporaryDirectory` gets no `with` fix, because its
    `with` binds the path, not the object. Third-party names are matched only when imported under
    their documented module (`requests.Session`, `httpx.Client`...).

    ## References
    - pylint: R1732 consider-using-with (Popen, pools, files). ruff: SIM115 covers files only.
      CPython: `ResourceWarning` under `-X dev`.
    - LKL301 covers files.
    """

    family = RESOURCE
    code = "LKL302"
    name = "resource-without-context-manager"
    message = "`{name}` (from `{call}`) is never released / not released if an exception is raised"
    fix_title = "manage the resource with a `with` statement"
    fix_safety = FixSafety.SAFE
    options = (
        Option(
            "extra-resources",
            dict,
            {},
            'more resources: {"mylib.connect" = "close"} (qualified name -> release method, or a table '
            "with release, async, with, with-changes-behaviour)",
        ),
    )
    examples = (
        Bad(
            "import sqlite3\nconn = sqlite3.connect('app.db')\ncur = conn.cursor()\ncur.execute('select 1')\n",
            fixed=(
                "import contextlib\nimport sqlite3\nwith contextlib.closing(sqlite3.connect('app.db')) as conn:\n"
                "    cur = conn.cursor()\n    cur.execute('select 1')\n"
            ),
        ),
        Bad(
            "import sqlite3\n\ndef save(path, row):\n    with sqlite3.connect(path) as conn:\n"
            "        conn.execute('insert into t values (?)', row)\n",
            fixed=(
                "import contextlib\nimport sqlite3\n\ndef save(path, row):\n"
                "    with contextlib.closing(sqlite3.connect(path)) as conn, conn:\n"
                "        conn.execute('insert into t values (?)', row)\n"
            ),
        ),
        Bad(
            "import subprocess\n\ndef run(cmd):\n    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)\n"
            "    out = proc.stdout.read()\n    proc.wait()\n    return out\n",
            fixed=(
                "import subprocess\n\ndef run(cmd):\n    with subprocess.Popen(cmd, stdout=subprocess.PIPE) as proc:\n"
                "        out = proc.stdout.read()\n    return out\n"
            ),
            unsafe=True,
        ),
        Bad("import socket\n\ndef ping(host):\n    socket.create_connection((host, 80)).sendall(b'ping')\n"),
        Good(
            "import socket\n\ndef ping(host):\n    with socket.create_connection((host, 80)) as sock:\n"
            "        sock.sendall(b'ping')\n"
        ),
        Good(
            "from concurrent.futures import ThreadPoolExecutor\n\n\nclass Worker:\n    def __init__(self):\n"
            "        self.pool = ThreadPoolExecutor()\n\n    def close(self):\n        self.pool.shutdown()\n"
        ),
        Good(
            "import contextlib\nimport sqlite3\n\ndef count(path):\n"
            "    with contextlib.closing(sqlite3.connect(path)) as conn:\n"
            "        return conn.execute('select count(*) from t').fetchone()\n"
        ),
    )

    def __init__(self, context: Any, settings: Mapping[str, Any]) -> None:
        super().__init__(context, settings)
        self.removals: List[cst.Call] = []
        self.forks: List[cst.Call] = []
        self.signals: List[cst.Call] = []

    def visit_Call(self, node: cst.Call) -> None:
        super().visit_Call(node)
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "removeHandler" and len(node.args) == 1:
            self.removals.append(node)
        elif isinstance(func, cst.Attribute) and func.attr.value == "fork" and not node.args:
            self.forks.append(node)
        if isinstance(func, cst.Attribute) and func.attr.value in SIGNALLING:
            self.signals.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        super().leave_Module(node)
        if self.removals and not self._shuts_handlers_down(node):
            for call in self.removals:
                self._check_removal(call)
        for call in self.forks:
            if self.context.qualified_name(call.func) == "os.fork":
                self._check_fork(call)
        if self.signals:
            for child in killed_unreaped(self.context, self.signals, self._analyzer().graph):
                self._report_killed(child)
        stored = [call for call in self.candidates if self._kind(call) is not None]
        for forgotten in forgotten_members(self.context, stored, self.local_calls):
            self._report_forgotten(forgotten)
        called: Dict[int, FrozenSet[str]] = {}
        for call in (*self.foreign_candidates, *self.local_calls):
            if isinstance(call.func, cst.Attribute) and checkouts.is_checkout_name(call.func.attr.value):
                found = checkouts.unreturned(self.context, call, self._analyzer().graph, called)
                if found is not None:
                    self._report_checkout(found)

    def _report_checkout(self, found: checkouts.Checkout) -> None:
        """A value checked out of a pool and given back later in the function, not on every path."""
        taken = one_line_code(self.context.code(found.call))
        back = one_line_code(self.context.code(found.give_back))
        back_line = self.context.location(found.give_back).line
        if found.end is not None:
            line = self.context.location(found.end).line
            how = f"the path through line {line} leaves without it"
            confidence = Confidence.HIGH
        else:
            assert found.raiser is not None
            line = self.context.location(found.raiser).line
            how = f"not if line {line} raises"
            if isinstance(found.raiser, cst.Raise) or (
                isinstance(found.raiser, cst.SimpleStatementLine) and any(isinstance(s, cst.Raise) for s in found.raiser.body)
            ):
                how = f"not when an exception leaves through the `raise` on line {line}"
            confidence = Confidence.MEDIUM
        self.report(
            found.call,
            f"`{found.name}` (checked out by `{taken}`) is given back by `{back}` on line {back_line}, but {how}: "
            "the pool loses one of its connections each time, and callers block once it is empty",
            suggestion=f"give it back in a `finally:` block (`try:` right after the check-out, `finally: {back}`), "
            "or check it out through a context manager that does",
            confidence=confidence,
        )

    def _report_killed(self, child: KilledChild) -> None:
        """A child process signalled and then left unreaped on a normal path."""
        line = self.context.location(child.signal).line
        if any(self.context.location(p.node).line == line for p in self.pending):
            return  # already reported there (a kill after a timed-out `communicate()`)
        if any(self._reported_start(p.node, child) for p in self.pending):
            return  # the local is reported where it is started (never waited for)
        end_line = self.context.location(child.end).line
        if isinstance(child.end, cst.For):
            how = f"the loop on line {end_line} moves on to the next one"
        elif child.dropped:
            how = f"line {end_line} drops it"
        else:
            how = f"the path through line {end_line} leaves"
        signal = one_line_code(self.context.code(child.signal))
        later = f" (`{child.waited_in}()` may reap it or receive its exit status)" if child.waited_in else ""
        reap = f"os.waitpid({child.process}, 0)" if child.pid else f"{child.process}.wait()"
        pipes = "" if child.pid else " (and any pipes to it stay open)"
        drain = "" if child.pid else " (or `communicate()` to drain its pipes)"
        self.report(
            child.signal,
            f"`{signal}` signals the child but nothing reaps it: {how} without `{reap}`{later}, "
            f"so the dead child stays a zombie{pipes}",
            suggestion=f"wait for it after the signal: `{reap}`{drain}",
            confidence=Confidence.LOW if child.waited_in else Confidence.MEDIUM,
        )

    def _reported_start(self, node: cst.CSTNode, child: KilledChild) -> bool:
        """``node`` (a pending finding's) starts the signalled local: ``name = Popen(...)``."""
        assign = self.context.parent(node)
        return (
            isinstance(node, cst.Call)
            and isinstance(assign, cst.Assign)
            and assign.value is node
            and any("".join(self.context.code(t.target).split()) == child.process for t in assign.targets)
            and self.context.nearest(node, cst.FunctionDef) is self.context.nearest(child.signal, cst.FunctionDef)
        )

    def _report_forgotten(self, forgotten: ForgottenMember) -> None:
        holder = forgotten.member_class.name.value
        owner = forgotten.owner.name.value
        member = f"self.{forgotten.member}"
        self.report(
            forgotten.call,
            f"`{member}` (a `{holder}`, which releases its `{forgotten.resource}` in `{holder}.{forgotten.release}()`) "
            f"is never released by its owner: `{owner}.{forgotten.owner_release}()` (nor anything else in `{owner}`) "
            f"calls `{member}.{forgotten.release}()`, so what it holds stays open after the `{owner}` is released",
            suggestion=f"call `{member}.{forgotten.release}()` in `{owner}.{forgotten.owner_release}()`",
            confidence=Confidence.MEDIUM,
        )

    def _check_fork(self, call: cst.Call) -> None:
        """``pid = os.fork()`` where the parent neither waits for the child nor exits: the child
        stays a zombie (holding its process table entry) until the parent ends. Quiet when the
        module waits for children anywhere (``os.wait*``, a ``SIGCHLD`` handler) or the pid is
        handed on (returned, stored, passed to a call other than ``os.kill``)."""
        assign = self.context.parent(call)
        if not (isinstance(assign, cst.Assign) and assign.value is call and len(assign.targets) == 1):
            return
        target = assign.targets[0].target
        function = self.context.nearest(call, cst.FunctionDef)
        if not isinstance(target, cst.Name) or function is None:
            return
        pid = target.value
        for node in walk(self.context.module):
            # `os.wait*()` / `SIGCHLD`; not `self._stopped.wait(1)` of an event
            if isinstance(node, cst.Attribute) and (node.attr.value == "SIGCHLD" or (dotted_name(node) or "").startswith("os.wait")):
                return
            if isinstance(node, cst.Name) and node.value in ("waitpid", "wait", "SIGCHLD", "wait4", "waitid"):
                holder = self.context.parent(node)
                if not (isinstance(holder, cst.Attribute) and holder.attr is node):
                    return  # `from os import waitpid`; the attribute form is judged above
        parent_region: List[cst.CSTNode] = []
        for node in walk(function.body):
            if isinstance(node, cst.Name) and node.value == pid and node is not target:
                outer = self.context.parent(node)
                if isinstance(outer, cst.AssignTarget) and _forks(self.context.parent(outer)):
                    break  # `pid = os.fork()` again (a double fork): from here on it is the next child's pid
                if isinstance(outer, (cst.Comparison, cst.If, cst.UnaryOperation, cst.ComparisonTarget)):
                    continue
                if isinstance(outer, cst.Arg):
                    callee = self.context.parent(outer)
                    if isinstance(callee, cst.Call) and self.context.qualified_name(callee.func) == "os.kill":
                        continue
                return  # returned, stored, passed on: someone else may reap it
            if isinstance(node, cst.If) and any(isinstance(n, cst.Name) and n.value == pid for n in walk(node.test)):
                child_first = _tests_child(node.test, pid)
                if child_first is None:
                    return
                if child_first:
                    parent_region.extend(_rest_of_block(self.context, node))
                    if node.orelse is not None:
                        parent_region.append(node.orelse)
                else:
                    parent_region.append(node.body)
        if not parent_region:
            return
        for region in parent_region:
            for node in walk(region):
                if isinstance(node, cst.Call) and (dotted_name(node.func) or "") in ("sys.exit", "os._exit", "exit", "quit", "os.execv", "os.execvp", "os.execl", "os.execlp"):
                    return
                if isinstance(node, cst.Raise):
                    return
        self.report(
            call,
            f"the child started by `{pid} = os.fork()` is never waited for: the parent goes on without "
            "`os.waitpid()`, so the child stays a zombie until the parent process ends",
            suggestion=f"reap it in the parent: `os.waitpid({pid}, 0)` (at once when the child only starts another "
            "process and exits, as in a double fork)",
            confidence=Confidence.MEDIUM,
        )

    def _shuts_handlers_down(self, module: cst.Module) -> bool:
        """``logging.shutdown(handlers)`` somewhere in the module (logging.config closes every
        handler before it removes them from the loggers): their release is handled elsewhere."""
        for inner in walk(module):
            if isinstance(inner, cst.Call) and inner.args:
                func = inner.func
                terminal = last_name(func) or ""
                if terminal == "shutdown":
                    return True
        return False

    def _check_removal(self, call: cst.Call) -> None:
        """``for h in logger.handlers[:]: logger.removeHandler(h)`` on reconfiguration, without
        ``h.close()``: every FileHandler dropped this way keeps its file open."""
        handler = call.args[0].value
        if not isinstance(handler, cst.Name):
            return
        loop = self.context.nearest(call, cst.For)
        if loop is None or not (isinstance(loop.target, cst.Name) and loop.target.value == handler.value):
            return
        if not any(isinstance(n, cst.Attribute) and n.attr.value == "handlers" for n in walk(loop.iter)):
            return
        for inner in walk(loop.body):
            if not (isinstance(inner, cst.Name) and inner.value == handler.value) or inner is handler:
                continue
            parent = self.context.parent(inner)
            if isinstance(parent, cst.Attribute) and parent.value is inner and parent.attr.value != "close":
                continue  # h.level, h.formatter: a look, not a hand-off
            if isinstance(parent, cst.Arg) and self.context.qualified_name(self.context.parent(parent).func) in (  # type: ignore[union-attr]
                "builtins.isinstance", "builtins.print", "builtins.repr", "builtins.str",
                "builtins.getattr", "builtins.hasattr", "builtins.type", "builtins.id",
            ):
                continue
            return  # closed, or handed on (added to another logger, kept in a list)
        logger = self.context.code(call.func.value).strip() if isinstance(call.func, cst.Attribute) else "the logger"
        self.report(
            call,
            f"`{logger}.removeHandler({handler.value})` drops the handler without closing it: a `FileHandler` "
            "(or a socket handler) removed on reconfiguration keeps its file or socket open",
            suggestion=f"call `{handler.value}.close()` after removing it",
            confidence=Confidence.MEDIUM,
        )


def _tests_child(test: cst.BaseExpression, pid: str) -> Optional[bool]:
    """Whether ``test`` is true in the child (``pid == 0``, ``not pid``): True; in the parent
    (``pid``, ``pid > 0``, ``pid != 0``): False; None when it cannot tell."""
    if isinstance(test, cst.Name) and test.value == pid:
        return False
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) and isinstance(test.expression, cst.Name):
        return True if test.expression.value == pid else None
    if isinstance(test, cst.Comparison) and isinstance(test.left, cst.Name) and test.left.value == pid and len(test.comparisons) == 1:
        comparison = test.comparisons[0]
        if isinstance(comparison.comparator, cst.Integer) and comparison.comparator.value == "0":
            if isinstance(comparison.operator, (cst.Equal, cst.Is)):
                return True
            if isinstance(comparison.operator, (cst.NotEqual, cst.GreaterThan, cst.IsNot)):
                return False
    return None


def _rest_of_block(context: Any, statement: cst.CSTNode) -> List[cst.CSTNode]:
    """The statements after ``statement`` in its block."""
    block = context.parent(statement)
    body = getattr(block, "body", None)
    if not isinstance(body, (list, tuple)):
        return []
    index = next((i for i, s in enumerate(body) if s is statement), None)
    return list(body[index + 1:]) if index is not None else []


def _forks(statement: Optional[cst.CSTNode]) -> bool:
    value = getattr(statement, "value", None)
    return isinstance(value, cst.Call) and dotted_name(value.func) == "os.fork" and not value.args
