from typing import List

from . import logs

LOG = logs.getLogger(__name__)


def queue_logger(owner: str, repo: str, branch: str):  # type: ignore[no-untyped-def]
    return logs.getLogger(__name__, gh_owner=owner, gh_repo=repo, gh_branch=branch)


def add_pull(queue: List[int], owner: str, repo: str, branch: str, pull_number: int) -> None:
    if pull_number not in queue:
        queue.append(pull_number)
        queue_logger(owner, repo, branch).info("pull request added to the queue", extra={"pull": pull_number})
