from __future__ import annotations

import subprocess


def clone_test_db(dump_args: list, load_args: list) -> None:
    dump = subprocess.Popen(dump_args, stdout=subprocess.PIPE)  # LEAK
    load = subprocess.Popen(load_args, stdin=dump.stdout)  # LEAK
    load.communicate()
