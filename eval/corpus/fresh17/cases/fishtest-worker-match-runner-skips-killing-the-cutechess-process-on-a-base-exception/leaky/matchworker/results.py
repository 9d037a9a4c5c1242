class StopRequested(BaseException):
    pass


def read_match_output(proc, reporter, games_wanted):
    state = {"alive": True, "games": 0}
    for line in iter(proc.stdout.readline, ""):
        line = line.strip()
        if line.startswith("Finished game"):
            state["games"] += 1
            if not reporter.send_update(state):
                raise StopRequested("server asked the worker to stop")
        if state["games"] >= games_wanted:
            break
    return state
