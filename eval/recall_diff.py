"""What changed between two recall runs: per split and selection, cases found before and after,
fixed twins and negatives newly flagged, and every case whose outcome moved.

    python eval/recall.py --details > before.txt      # on the base commit
    python eval/recall.py --details > after.txt       # on the branch
    python eval/recall_diff.py before.txt after.txt [--split fresh14] [--selection default]

Both files are the text that ``recall.py --details`` prints (any ``--split``). A case present in
only one of the two files is listed as added or dropped and left out of the counts, so runs over
different splits still compare on what they share. Exit status 1 when a case found before is
missed after, or a fixed twin or negative is flagged that was not before: a branch may be merged
only when this prints no loss.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

CASE_LINE = re.compile(r"^\s+(FOUND|missed|neg)\s+(\S+)\s+(\S+)\s*(.*)$")
SECTION_LINE = re.compile(r"^== (\S+)")


@dataclass(frozen=True)
class Outcome:
    kind: str  # "leak" or "negative"
    split: str
    found: bool  # a leak case's leaky version reported (always False for a negative)
    alarm: bool  # the fixed twin (or the negative) flagged


Run = Dict[str, Dict[str, Outcome]]  # selection -> case id -> outcome


def parse(lines: Iterable[str]) -> Run:
    """The per-case outcomes of a ``recall.py --details`` text, by selection."""
    run: Run = {}
    section: Optional[str] = None
    for line in lines:
        heading = SECTION_LINE.match(line)
        if heading:
            section = heading.group(1)
            run.setdefault(section, {})
            continue
        case = CASE_LINE.match(line)
        if case is None or section is None:
            continue
        state, split, case_id, rest = case.groups()
        kind = "negative" if state == "neg" else "leak"
        run[section][case_id] = Outcome(kind, split, state == "FOUND", "FALSE-ALARM" in rest.split())
    return run


@dataclass
class SplitCounts:
    leaks: int = 0
    found_before: int = 0
    found_after: int = 0
    twins_before: int = 0
    twins_after: int = 0
    negatives: int = 0
    negatives_before: int = 0
    negatives_after: int = 0


def compare(before: Dict[str, Outcome], after: Dict[str, Outcome]) -> Tuple[Dict[str, SplitCounts], List[str], bool]:
    """Counts per split over the cases both runs hold, the lines describing each move, and whether
    anything was lost (a found case missed, a twin or negative newly flagged)."""
    counts: Dict[str, SplitCounts] = {}
    moves: List[str] = []
    lost = False
    for case_id in sorted(set(before) | set(after), key=lambda c: ((after.get(c) or before[c]).split, c)):
        old, new = before.get(case_id), after.get(case_id)
        if old is None or new is None:
            present = new or old
            assert present is not None
            moves.append(f"{present.split:<8} {case_id}: {'added' if old is None else 'dropped'}")
            continue
        split = counts.setdefault(new.split, SplitCounts())
        if new.kind == "leak":
            split.leaks += 1
            split.found_before += old.found
            split.found_after += new.found
            split.twins_before += old.alarm
            split.twins_after += new.alarm
        else:
            split.negatives += 1
            split.negatives_before += old.alarm
            split.negatives_after += new.alarm
        if old.found != new.found:
            moves.append(f"{new.split:<8} {case_id}: {'missed -> FOUND' if new.found else 'FOUND -> missed'}")
            lost = lost or old.found
        if old.alarm != new.alarm:
            what = "fixed twin" if new.kind == "leak" else "negative"
            moves.append(f"{new.split:<8} {case_id}: {what} {'newly flagged' if new.alarm else 'no longer flagged'}")
            lost = lost or new.alarm
    return counts, moves, lost


def render(selection: str, counts: Dict[str, SplitCounts], moves: Sequence[str]) -> List[str]:
    out = [f"== {selection}"]
    for split, c in counts.items():
        out.append(
            f"  {split:<8} found {c.found_before} -> {c.found_after} of {c.leaks}"
            f"   twins flagged {c.twins_before} -> {c.twins_after}"
            f"   negatives flagged {c.negatives_before} -> {c.negatives_after} of {c.negatives}"
        )
    out += [f"    {move}" for move in moves]
    return out


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="recall.py --details output of the base")
    parser.add_argument("after", help="recall.py --details output of the change")
    parser.add_argument("--split", help="only this split")
    parser.add_argument("--selection", action="append", help="only this selection (repeatable)")
    args = parser.parse_args(argv)
    with open(args.before, encoding="utf-8") as handle:
        before = parse(handle)
    with open(args.after, encoding="utf-8") as handle:
        after = parse(handle)
    any_loss = False
    for selection in after:
        if args.selection and selection not in args.selection:
            continue
        old = {k: v for k, v in before.get(selection, {}).items() if not args.split or v.split == args.split}
        new = {k: v for k, v in after[selection].items() if not args.split or v.split == args.split}
        counts, moves, lost = compare(old, new)
        print("\n".join(render(selection, counts, moves)))
        any_loss = any_loss or lost
    return 1 if any_loss else 0


if __name__ == "__main__":
    sys.exit(main())
