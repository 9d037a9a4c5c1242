from __future__ import annotations

from ..core.component import Component


class EventSource(Component):
    def __init__(self, input_url: str, parent=None, **kwargs) -> None:
        super().__init__(parent=parent, **kwargs)
        self.input_url = input_url


class DataWriter(Component):
    def __init__(self, output_path: str, parent=None, **kwargs) -> None:
        super().__init__(parent=parent, **kwargs)
        self.output_path = output_path
        self.buffer = []


class ProcessorTool(Component):
    """A tool: the root of the configuration tree, holding its components."""

    def setup(self, input_url: str, output_path: str) -> None:
        self.event_source = EventSource(input_url, parent=self)  # LEAK
        self.write = DataWriter(output_path, parent=self)  # LEAK

    def start(self) -> None:
        for event in range(3):
            self.write.buffer.append((self.event_source.input_url, event))
