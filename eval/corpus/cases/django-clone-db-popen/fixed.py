from __future__ import annotations

import subprocess


def clone_test_db(dump_args: list, load_args: list) -> None:
    with subprocess.Popen(dump_args, stdout=subprocess.PIPE) as dump:
        with subprocess.Popen(load_args, stdin=dump.stdout) as load:
            dump.stdout.close()
            load.communicate()
