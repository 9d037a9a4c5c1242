import random
import subprocess
from typing import Any, Dict, List, Optional

from .core import Skill


class SingingSkill(Skill):
    def __init__(self, songs: List[str]) -> None:
        super().__init__("SingingSkill")
        self.songs = songs
        self.process: Optional["subprocess.Popen[bytes]"] = None

    def initialize(self) -> None:
        self.add_event("intent.sing", self.handle_intent)
        self.bus.on("mycroft.sing", self.sing)  # LEAK

    def sing(self, message: Dict[str, Any]) -> None:
        self.process = subprocess.Popen(["mpg123", self.songs[0]])

    def handle_intent(self, message: Dict[str, Any]) -> None:
        self.process = subprocess.Popen(["mpg123", random.choice(self.songs)])

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait()
