"""A small synchronous LSP client over a subprocess's stdio, for tests: JSON-RPC framing,
requests with timeouts, notifications collected as they arrive, and a client-side edit applier
that counts UTF-16 units independently of the server's code."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import IO, Any, Callable, Dict, List, Optional, Sequence

DEFAULT_TIMEOUT = 30.0


class LspError(AssertionError):
    pass


class LspProcess:
    def __init__(self, argv: Sequence[str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            list(argv), cwd=str(cwd), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.inbox: "queue.Queue[Optional[Dict[str, Any]]]" = queue.Queue()
        self.notifications: List[Dict[str, Any]] = []
        self.server_requests: List[Dict[str, Any]] = []
        self.stderr: List[bytes] = []
        self.next_id = 0
        assert self.process.stdout is not None and self.process.stderr is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()
        threading.Thread(target=self._drain, args=(self.process.stderr,), daemon=True).start()

    # -- wire -------------------------------------------------------------------------------------

    def _read(self, stream: IO[bytes]) -> None:
        try:
            while True:
                length = None
                while True:
                    header = stream.readline()
                    if not header:
                        return
                    header = header.strip()
                    if not header:
                        break
                    name, _, value = header.decode("ascii").partition(":")
                    if name.lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    raise LspError("a message without Content-Length")
                self.inbox.put(json.loads(stream.read(length).decode("utf-8")))
        finally:
            self.inbox.put(None)

    def _drain(self, stream: IO[bytes]) -> None:
        for line in stream:
            self.stderr.append(line)

    def send(self, message: Dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _receive(self, deadline: float) -> Dict[str, Any]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise LspError(f"timed out; server stderr:\n{self.stderr_text()}")
        try:
            message = self.inbox.get(timeout=remaining)
        except queue.Empty:
            raise LspError(f"timed out; server stderr:\n{self.stderr_text()}") from None
        if message is None:
            self.inbox.put(None)  # stay closed for the next reader
            raise LspError(f"the server closed its output; stderr:\n{self.stderr_text()}")
        if "method" in message and "id" in message:  # a request from the server: accept it
            self.server_requests.append(message)
            self.send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)
        return message

    # -- requests and notifications ---------------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = DEFAULT_TIMEOUT) -> Any:
        self.next_id += 1
        request_id = self.next_id
        self.send({"id": request_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._receive(deadline)
            if message.get("id") == request_id and "method" not in message:
                if "error" in message:
                    raise LspError(f"{method} failed: {message['error']}")
                return message.get("result")

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def wait_for(
        self, method: str, predicate: Callable[[Dict[str, Any]], bool] = lambda params: True, timeout: float = DEFAULT_TIMEOUT
    ) -> Dict[str, Any]:
        """The params of the first notification ``method`` matching ``predicate``, consumed."""
        deadline = time.monotonic() + timeout
        while True:
            for index, message in enumerate(self.notifications):
                if message["method"] == method and predicate(message.get("params") or {}):
                    del self.notifications[index]
                    return message["params"]
            self._receive(deadline)

    def diagnostics(self, uri: str, version: Optional[int] = None, timeout: float = DEFAULT_TIMEOUT) -> List[Dict[str, Any]]:
        def matches(params: Dict[str, Any]) -> bool:
            return params["uri"] == uri and (version is None or params.get("version") == version)

        return self.wait_for("textDocument/publishDiagnostics", matches, timeout)["diagnostics"]

    def published(self, uri: str) -> List[Dict[str, Any]]:
        """Every publishDiagnostics for ``uri`` received so far (not consumed)."""
        method = "textDocument/publishDiagnostics"
        return [m["params"] for m in self.notifications if m["method"] == method and m["params"]["uri"] == uri]

    # -- session helpers --------------------------------------------------------------------------

    def initialize(
        self,
        root: Path,
        options: Optional[Dict[str, Any]] = None,
        encodings: Optional[List[str]] = None,
        related_information: bool = True,
    ) -> Dict[str, Any]:
        capabilities: Dict[str, Any] = {
            "workspace": {
                "workspaceEdit": {"documentChanges": True},
                "didChangeWatchedFiles": {"dynamicRegistration": True},
            },
            "textDocument": {
                "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}}},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "publishDiagnostics": {"versionSupport": True, "relatedInformation": related_information},
            },
        }
        if encodings is not None:
            capabilities["general"] = {"positionEncodings": encodings}
        result = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "capabilities": capabilities,
                "initializationOptions": options or {},
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1) -> None:
        document = {"uri": uri, "languageId": "python", "version": version, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": document})

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}
        )

    def code_actions(self, uri: str, range_: Dict[str, Any], only: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        context: Dict[str, Any] = {"diagnostics": []}
        if only is not None:
            context["only"] = only
        return self.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": range_, "context": context}) or []

    def shutdown_and_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        assert self.request("shutdown", None) is None
        self.notify("exit", None)
        return self.wait(timeout)

    def wait(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise LspError(f"the server did not exit; stderr:\n{self.stderr_text()}") from None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass

    def stderr_text(self) -> str:
        return b"".join(self.stderr).decode("utf-8", "replace")


# -- applying edits as a client does (UTF-16 columns) ---------------------------------------------


def _offset(text: str, position: Dict[str, int]) -> int:
    """The code-point offset of an LSP position whose character counts UTF-16 units."""
    lines = _lsp_lines(text)
    offset = sum(len(line) for line in lines[: position["line"]])
    if position["line"] >= len(lines):
        return offset
    line = lines[position["line"]].rstrip("\r\n")
    units = 0
    for index, char in enumerate(line):
        if units >= position["character"]:
            return offset + index
        units += 2 if ord(char) > 0xFFFF else 1
    return offset + len(line)


def _lsp_lines(text: str) -> List[str]:
    lines, start = [], 0
    for index, char in enumerate(text):
        if char == "\n" or (char == "\r" and text[index + 1 : index + 2] != "\n"):
            lines.append(text[start : index + 1])
            start = index + 1
    if start < len(text):
        lines.append(text[start:])
    return lines


def apply_edits(text: str, edits: Sequence[Dict[str, Any]]) -> str:
    """Apply LSP TextEdits (non-overlapping, any order) to ``text``."""
    spans = sorted(
        ((_offset(text, e["range"]["start"]), _offset(text, e["range"]["end"]), e["newText"]) for e in edits), reverse=True
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_for(action: Dict[str, Any], uri: str) -> List[Dict[str, Any]]:
    """The TextEdits a code action makes to ``uri`` (documentChanges or changes)."""
    edit = action["edit"]
    if "documentChanges" in edit:
        return [e for change in edit["documentChanges"] if change["textDocument"]["uri"] == uri for e in change["edits"]]
    return list(edit.get("changes", {}).get(uri, []))


def utf16_length(text: str) -> int:
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)
