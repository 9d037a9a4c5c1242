from __future__ import annotations

import os
import tempfile


def run_with_coverage_dirs(run_all, driver_factory) -> None:
    with tempfile.TemporaryDirectory() as gcov_dir, tempfile.TemporaryDirectory() as jsvm_dir:
        os.environ["GCOV_PREFIX"] = gcov_dir
        os.environ["JS_CODE_COVERAGE_OUTPUT_DIR"] = jsvm_dir
        run_all(driver_factory())
