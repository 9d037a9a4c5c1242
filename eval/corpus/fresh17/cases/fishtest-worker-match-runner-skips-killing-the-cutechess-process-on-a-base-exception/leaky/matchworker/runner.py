import sys
import traceback

from .procs import start_engine_match, stop_process
from .results import read_match_output


def play_batch(argv, reporter, games_wanted):
    proc = start_engine_match(argv)  # LEAK
    state = {"alive": False}
    try:
        state = read_match_output(proc, reporter, games_wanted)
    except Exception:
        print("games failed")
        traceback.print_exc(file=sys.stderr)

    stop_process(proc)
    return state
