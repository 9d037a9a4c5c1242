import json
import os

from docutils import nodes
from sphinx.transforms import SphinxTransform

CODES_PATH = os.path.join(os.path.dirname(__file__), "codes.json")


class EmojiReplacer(SphinxTransform):
    default_priority = 211

    def apply(self):
        with open(CODES_PATH, encoding="utf-8") as handle:
            table = json.load(handle)
        wanted = set(table) - set(self.document.substitution_defs)
        for ref in self.document.traverse(nodes.substitution_reference):
            name = ref["refname"]
            if name in wanted:
                ref.replace_self(nodes.Text(table[name]))
