from __future__ import annotations

import os
import subprocess
import warnings
from uuid import uuid4


class SolverError(Exception):
    pass


class CommandLineSolver:
    """Runs an external optimiser binary on a problem written to an LP file."""

    def __init__(self, path: str, tmp_dir: str, quiet: bool = True, keep_files: bool = False,
                 options: list[tuple[str, object]] | None = None) -> None:
        self.path = path
        self.tmp_dir = tmp_dir
        self.quiet = quiet
        self.keep_files = keep_files
        self.options = options or []

    def _scratch_names(self, problem) -> tuple[str, str]:
        if self.keep_files:
            return f"{problem.name}-model.lp", f"{problem.name}-model.sol"
        tag = uuid4().hex
        return (os.path.join(self.tmp_dir, f"{tag}-model.lp"),
                os.path.join(self.tmp_dir, f"{tag}-model.sol"))

    def solve(self, problem) -> int:
        lp_file, sol_file = self._scratch_names(problem)
        problem.write_lp(lp_file)
        try:
            os.remove(sol_file)
        except OSError:
            pass
        argv = [self.path]
        argv += [f"{key}={value}" for key, value in self.options]
        argv += [f"ResultFile={sol_file}", lp_file]
        if self.quiet:
            sink = open(os.devnull, "w")
        else:
            sink = None

        exit_code = subprocess.call(argv, stdout=sink, stderr=sink)

        # the null sink is only ours to close when we opened it
        if sink is not None:
            sink.close()

        if exit_code != 0:
            raise SolverError(f"cannot run {self.path}")
        if not self.keep_files:
            try:
                os.remove(lp_file)
            except OSError:
                pass
        if not os.path.exists(sol_file):
            warnings.warn("the solver wrote no solution file")
            return -1
        status = self.read_solution(problem, sol_file)
        if not self.keep_files:
            try:
                os.remove(sol_file)
            except OSError:
                pass
        return status

    def read_solution(self, problem, filename: str) -> int:
        values = {}
        with open(filename) as handle:
            for line in handle:
                if line.startswith("#") or not line.strip():
                    continue
                name, value = line.split()
                values[name] = float(value)
        problem.assign_values(values)
        return 1
