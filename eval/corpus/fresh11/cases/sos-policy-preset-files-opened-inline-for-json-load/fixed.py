import json
import os

from sos.options import SoSOptions

PRESETS_PATH = "/var/lib/sos/presets"
NO_PRESET = "none"
DESC = "desc"
NOTE = "note"
OPTS = "args"


class PresetDefaults(object):
    builtin = True

    def __init__(self, name="", desc="", note=None, opts=SoSOptions()):
        self.name = name
        self.desc = desc
        self.note = note
        self.opts = opts

    def write(self, presets_path):
        if self.builtin:
            raise TypeError("Cannot write built-in preset")
        pdict = {self.name: {DESC: self.desc, NOTE: self.note, OPTS: self.opts.dict()}}
        if not os.path.exists(presets_path):
            os.makedirs(presets_path, mode=0o755)
        with open(os.path.join(presets_path, self.name), "w") as pfile:
            json.dump(pdict, pfile)


class Policy(object):
    presets_path = PRESETS_PATH

    def __init__(self):
        self.presets = {NO_PRESET: PresetDefaults(NO_PRESET)}
        self.load_presets()

    def load_presets(self, presets_path=None):
        """Load presets from disk."""
        presets_path = presets_path or self.presets_path
        if not os.path.exists(presets_path):
            return
        for preset_path in os.listdir(presets_path):
            preset_path = os.path.join(presets_path, preset_path)

            with open(preset_path) as pf:
                try:
                    preset_data = json.load(pf)
                except ValueError:
                    continue

            for preset in preset_data.keys():
                pd = PresetDefaults(preset, opts=SoSOptions())
                data = preset_data[preset]
                pd.desc = data[DESC] if DESC in data else ""
                pd.note = data[NOTE] if NOTE in data else ""
                pd.builtin = False
                self.presets[preset] = pd
