import json
import os


class Presets:
    def __init__(self, path: str) -> None:
        self.path = path
        self.presets = {}

    def load(self) -> None:
        if not os.path.exists(self.path):
            return
        for name in os.listdir(self.path):
            preset_path = os.path.join(self.path, name)
            with open(preset_path) as pf:
                try:
                    data = json.load(pf)
                except ValueError:
                    continue
            for preset, values in data.items():
                self.presets[preset] = values
