from typing import Any, Optional, Type, TypeVar

from .errors import EntryNotFoundError, GatedRepoError, HubHTTPError, RepositoryNotFoundError, RevisionNotFoundError

E = TypeVar("E", bound=HubHTTPError)


class HTTPStatusError(Exception):
    pass


def _format(error_type: Type[E], custom_message: str, response: Any) -> E:
    server_message = response.headers.get("x-error-message")
    message = custom_message if not server_message else "%s\n\n%s" % (custom_message, server_message)
    return error_type(message.strip(), response=response, server_message=server_message)


def hf_raise_for_status(response: Any, endpoint_name: Optional[str] = None) -> None:
    try:
        if response.status_code >= 400:
            raise HTTPStatusError("%s for url %s" % (response.status_code, response.url))
    except HTTPStatusError as e:
        error_code = response.headers.get("x-error-code")
        repo_type, repo_id = response.headers.get("x-repo-type"), response.headers.get("x-repo-id")
        if error_code == "RevisionNotFound":
            revision_err = _format(RevisionNotFoundError, "Revision Not Found for url: %s." % response.url, response)  # LEAK
            revision_err.repo_type = repo_type
            revision_err.repo_id = repo_id
            raise revision_err from e
        elif error_code == "EntryNotFound":
            entry_err = _format(EntryNotFoundError, "Entry Not Found for url: %s." % response.url, response)  # LEAK
            entry_err.repo_type = repo_type
            entry_err.repo_id = repo_id
            raise entry_err from e
        elif error_code == "GatedRepo":
            gated_err = _format(GatedRepoError, "Cannot access gated repo for url %s." % response.url, response)  # LEAK
            gated_err.repo_type = repo_type
            gated_err.repo_id = repo_id
            raise gated_err from e
        elif error_code == "RepoNotFound" or response.status_code == 401:
            repo_err = _format(RepositoryNotFoundError, "Repository Not Found for url: %s." % response.url, response)  # LEAK
            repo_err.repo_type = repo_type
            repo_err.repo_id = repo_id
            raise repo_err from e
        raise _format(HubHTTPError, str(e), response) from e
