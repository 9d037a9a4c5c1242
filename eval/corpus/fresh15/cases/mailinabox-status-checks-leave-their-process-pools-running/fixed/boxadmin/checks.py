import multiprocessing.pool
import socket
import sys
from typing import Any, Callable, Dict, List, Tuple

Env = Dict[str, str]


class ConsoleOutput:
    def add_heading(self, heading: str) -> None:
        print(heading)
        print("=" * len(heading))

    def print_ok(self, message: str) -> None:
        print("ok   ", message)

    def print_error(self, message: str) -> None:
        print("error", message)


def check_service(item: Tuple[str, int]) -> Tuple[str, bool]:
    name, port = item
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(1)
    try:
        s.connect(("127.0.0.1", port))
        return name, True
    except OSError:
        return name, False
    finally:
        s.close()


SERVICES: List[Tuple[str, int]] = [("ssh", 22), ("smtp", 25), ("dns", 53), ("http", 80), ("imap", 993)]


def run_checks(rounded: bool, env: Env, output: Any, pool: multiprocessing.pool.Pool) -> None:
    output.add_heading("System services")
    for name, running in pool.map(check_service, SERVICES, chunksize=1):
        if running:
            output.print_ok("%s is running" % name)
        else:
            output.print_error("%s is not running" % name)


def run_and_output_changes(env: Env, pool: multiprocessing.pool.Pool) -> None:
    previous: Dict[str, bool] = {}
    current = dict(pool.map(check_service, SERVICES, chunksize=1))
    for name, state in current.items():
        if previous.get(name) != state:
            print("%s changed: %s" % (name, "up" if state else "down"))


def check_primary_hostname(env: Env) -> bool:
    try:
        socket.gethostbyname(env["PRIMARY_HOSTNAME"])
        return True
    except OSError:
        return False


def main(argv: List[str], env: Env) -> int:
    if len(argv) == 1:
        with multiprocessing.pool.Pool(processes=10) as pool:
            run_checks(False, env, ConsoleOutput(), pool)
    elif argv[1] == "--show-changes":
        with multiprocessing.pool.Pool(processes=10) as pool:
            run_and_output_changes(env, pool)
    elif argv[1] == "--check-primary-hostname":
        return 0 if check_primary_hostname(env) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv, {"PRIMARY_HOSTNAME": socket.getfqdn()}))
