from typing import Any, Optional


class HubHTTPError(Exception):
    def __init__(self, message: str, response: Any = None, server_message: Optional[str] = None) -> None:
        super().__init__(message)
        self.response = response
        self.server_message = server_message
        self.repo_type: Optional[str] = None
        self.repo_id: Optional[str] = None


class RevisionNotFoundError(HubHTTPError):
    pass


class EntryNotFoundError(HubHTTPError):
    pass


class GatedRepoError(HubHTTPError):
    pass


class RepositoryNotFoundError(HubHTTPError):
    pass
