import os
import re
from typing import Tuple


def locate_correlator(root: str, replica: str, first_cfg: str, name: str, quarks: str,
                      offset: int, wf: int, version: str, compact: bool) -> Tuple[int, int]:
    entries = 0
    start = 0
    if version == "0.0":
        header = "# %s : offset %d, wf %d : %s" % (name, offset, wf, " - ".join(quarks.split(" ")[:2]))
        found = False
        handle = open(os.path.join(root, replica, first_cfg, name), "r")  # LEAK
        for number, line in enumerate(handle):
            if found and not line.strip() and number > start + 1:
                break
            if found and number >= start:
                entries += 1
            if header in line:
                found = True
                start = number + 1
        print(entries, "entries found.")
    else:
        header = "name      %s\nquarks    %s\noffset    %d\nwf        %d" % (name, quarks, offset, wf)
        if compact:
            handle = open(os.path.join(root, replica, first_cfg), "r")  # LEAK
        else:
            handle = open(os.path.join(root, replica, first_cfg, name), "r")  # LEAK
        content = handle.read()
        match = re.search(header, content)
        if match:
            start = content.count("\n", 0, match.start()) + 5
            block_end = re.search(r"\n\s*\n", content[match.start():])
            entries = content[match.start():].count("\n", 0, block_end.start() if block_end else None) - 4
            assert entries > 0
            print(entries, "entries, starting to read in line", start)
        else:
            raise Exception("correlator with pattern\n" + header + "\nnot found.")
    return start, entries
