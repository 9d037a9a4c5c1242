from __future__ import annotations

import os
from tempfile import mkstemp
from typing import Dict, List, Tuple


def write_bedgraph_per_chrom(pileups: Dict[str, List[Tuple[int, int, float]]], tmpdir: str) -> Dict[str, str]:
    """Write one temporary bedGraph per chromosome; return chrom -> file name."""
    tmp_names = {}
    for chrom, intervals in pileups.items():
        (tmpfhd, tmpfname) = mkstemp(dir=tmpdir)  # LEAK
        with open(tmpfname, "w") as out:
            for start, end, value in intervals:
                out.write(f"{chrom}\t{start}\t{end}\t{value:.5f}\n")
        tmp_names[chrom] = tmpfname
    return tmp_names


def merge(tmp_names: Dict[str, str], target: str) -> None:
    with open(target, "w") as out:
        for chrom in sorted(tmp_names):
            with open(tmp_names[chrom]) as part:
                out.write(part.read())
            os.unlink(tmp_names[chrom])
