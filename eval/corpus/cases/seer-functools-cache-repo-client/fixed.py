from __future__ import annotations

import functools


class RepoClient:
    def __init__(self, repo: str, token: str, http) -> None:
        self.repo = repo
        self.token = token
        self.http = http
        self.file_content = functools.cache(self._file_content)
        self.tree = functools.cache(self._tree)

    def _file_content(self, path: str, sha: str) -> str:
        return self.http.get(f"/repos/{self.repo}/contents/{path}", ref=sha, auth=self.token).text

    def _tree(self, sha: str) -> list:
        return self.http.get(f"/repos/{self.repo}/git/trees/{sha}", auth=self.token).json()["tree"]
