import sys
from pathlib import Path
from typing import Optional, Set


class FlowWriter:
    def __init__(self, fo) -> None:
        self.fo = fo

    def add(self, flow) -> None:
        self.fo.write(repr(flow).encode() + b"\n")


class Save:
    def __init__(self) -> None:
        self.stream: Optional[FlowWriter] = None
        self.active_flows: Set = set()
        self.current_path: Optional[str] = None

    def open_stream(self, path: str) -> None:
        self.done()
        self.stream = FlowWriter(Path(path).open("ab"))
        self.current_path = path

    def save_flow(self, flow) -> None:
        if not self.stream:
            return
        try:
            self.stream.add(flow)
        except OSError as e:
            sys.stderr.write(f"Error while writing to {self.current_path}: {e}")
            sys.exit(1)
        else:
            self.active_flows.discard(flow)

    def done(self) -> None:
        if self.stream:
            for f in self.active_flows:
                self.stream.add(f)
            self.active_flows.clear()
            self.current_path = None
            self.stream.fo.close()
            self.stream = None

    def tcp_start(self, flow) -> None:
        if self.stream:
            self.active_flows.add(flow)

    def tcp_end(self, flow) -> None:
        self.save_flow(flow)

    def request(self, flow) -> None:
        if self.stream:
            self.active_flows.add(flow)

    def response(self, flow) -> None:
        if flow.websocket is None:
            self.save_flow(flow)

    def dns_request(self, flow) -> None:
        if self.stream:
            self.active_flows.add(flow)

    def dns_response(self, flow) -> None:
        self.save_flow(flow)
