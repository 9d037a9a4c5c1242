"""LKL211 beyond per-request method names: a timestamped record appended to a list of the
object's own (xolo-sniper's log lists, agri's deployment log; distributed's cluster manager
logs in real code), and a dict entry under a key minted on every call (mcp's SSE transport:
`session_id = uuid4()`)."""

from __future__ import annotations

from conftest import findings_by_line
from leaklint.rule import Confidence

EVENT_LOG = '''\
import time


class Sniper:
    def __init__(self):
        self.error_logs = []
        self.buy_logs = []

    def now(self):
        return time.strftime("%H:%M:%S", time.localtime())

    def log_error(self, message):
        self.error_logs.append(f"[{self.now()}] {message}")

    def log_purchase(self, item):
        self.buy_logs.append({"at": time.time(), "item": item})

    def run(self):
        while True:
            try:
                self.search()
            except Exception as exc:
                self.log_error(str(exc))

    def search(self):
        pass
'''

# A bounded log, one trimmed by hand, a duration sample, and a list read by `len` and trimmed.
EVENT_LOG_BOUNDED = EVENT_LOG.replace(
    "        self.error_logs = []\n        self.buy_logs = []\n",
    "        self.error_logs = collections.deque(maxlen=100)\n        self.buy_logs = []\n",
).replace("import time\n", "import collections\nimport time\n").replace(
    '        self.buy_logs.append({"at": time.time(), "item": item})\n',
    '        self.buy_logs.append({"at": time.time(), "item": item})\n        del self.buy_logs[:-10]\n',
)
DURATION_SAMPLES = '''\
import time


class Timer:
    def __init__(self):
        self.samples = []

    def measure(self, work):
        start = time.perf_counter()
        work()
        self.samples.append(time.perf_counter() - start)
'''

MINTED_KEY = '''\
import uuid


class SseServerTransport:
    def __init__(self):
        self._writers = {}

    async def connect_sse(self, scope):
        session_id = uuid.uuid4()
        self._writers[session_id] = scope
        return session_id

    async def post(self, session_id, message):
        writer = self._writers.get(session_id)
        if writer is not None:
            await writer.send(message)
'''

MINTED_KEY_POPPED = MINTED_KEY.replace(
    "        return session_id\n", "        try:\n            return session_id\n        finally:\n"
    "            self._writers.pop(session_id, None)\n")


def test_timestamped_records_on_own_list_are_reported() -> None:
    strict = findings_by_line(EVENT_LOG, "LKL211", "strict")
    assert sorted(strict) == [13, 16]
    assert "timestamped record" in strict[13].message
    # appended from the object's own loop: default; elsewhere, on an object not named long-lived: low
    assert strict[13].confidence is Confidence.MEDIUM
    assert strict[16].confidence is Confidence.LOW
    assert sorted(findings_by_line(EVENT_LOG, "LKL211", "default")) == [13]


def test_bounded_trimmed_or_duration_lists_are_quiet() -> None:
    assert findings_by_line(EVENT_LOG_BOUNDED, "LKL211", "strict") == {}
    assert findings_by_line(DURATION_SAMPLES, "LKL211", "strict") == {}


def test_entry_under_key_minted_per_call_is_reported() -> None:
    found = findings_by_line(MINTED_KEY, "LKL211", "default")
    assert list(found) == [10]


def test_entry_under_minted_key_popped_is_quiet() -> None:
    assert findings_by_line(MINTED_KEY_POPPED, "LKL211", "strict") == {}
