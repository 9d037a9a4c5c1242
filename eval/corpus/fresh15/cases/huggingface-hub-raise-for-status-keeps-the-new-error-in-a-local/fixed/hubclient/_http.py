from typing import Any, Optional, Type, TypeVar

from .errors import EntryNotFoundError, GatedRepoError, HubHTTPError, RepositoryNotFoundError, RevisionNotFoundError

E = TypeVar("E", bound=HubHTTPError)


class HTTPStatusError(Exception):
    pass


def _format(error_type: Type[E], custom_message: str, response: Any, **attrs: Any) -> E:
    server_message = response.headers.get("x-error-message")
    message = custom_message if not server_message else "%s\n\n%s" % (custom_message, server_message)
    err = error_type(message.strip(), response=response, server_message=server_message)
    for key, value in attrs.items():
        setattr(err, key, value)
    return err


def hf_raise_for_status(response: Any, endpoint_name: Optional[str] = None) -> None:
    try:
        if response.status_code >= 400:
            raise HTTPStatusError("%s for url %s" % (response.status_code, response.url))
    except HTTPStatusError as e:
        error_code = response.headers.get("x-error-code")
        repo_type, repo_id = response.headers.get("x-repo-type"), response.headers.get("x-repo-id")
        # The error is raised straight from the call: no local in this frame refers to it.
        if error_code == "RevisionNotFound":
            raise _format(RevisionNotFoundError, "Revision Not Found for url: %s." % response.url, response,
                          repo_type=repo_type, repo_id=repo_id) from e
        elif error_code == "EntryNotFound":
            raise _format(EntryNotFoundError, "Entry Not Found for url: %s." % response.url, response,
                          repo_type=repo_type, repo_id=repo_id) from e
        elif error_code == "GatedRepo":
            raise _format(GatedRepoError, "Cannot access gated repo for url %s." % response.url, response,
                          repo_type=repo_type, repo_id=repo_id) from e
        elif error_code == "RepoNotFound" or response.status_code == 401:
            raise _format(RepositoryNotFoundError, "Repository Not Found for url: %s." % response.url, response,
                          repo_type=repo_type, repo_id=repo_id) from e
        raise _format(HubHTTPError, str(e), response) from e
