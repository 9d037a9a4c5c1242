from __future__ import annotations

import os
from tempfile import mkstemp
from typing import Dict, List, Tuple


class CallerFromAlignments:
    """Keeps each chromosome's pileup in a temporary file while peaks are called."""

    def __init__(self, chromosomes: List[str]) -> None:
        self.chromosomes = chromosomes
        self.pileup_data_files: Dict[str, str] = {}

    def _pileup_for_chrom(self, chrom: str) -> List[Tuple[int, float]]:
        return [(n * 50, float(n % 7)) for n in range(100)]

    def precompute_pileups(self) -> None:
        for chrom in self.chromosomes:
            temp_fd, temp_filename = mkstemp()
            os.close(temp_fd)
            self.pileup_data_files[chrom] = temp_filename
            with open(self.pileup_data_files[chrom], "w") as out:
                for pos, value in self._pileup_for_chrom(chrom):
                    out.write(f"{pos}\t{value}\n")

    def cleanup(self) -> None:
        for path in self.pileup_data_files.values():
            if os.path.isfile(path):
                os.unlink(path)
        self.pileup_data_files = {}
