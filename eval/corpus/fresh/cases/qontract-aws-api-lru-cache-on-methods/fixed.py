from __future__ import annotations

import functools
from typing import Any


class AWSApi:
    def __init__(self, sessions: dict[str, Any]) -> None:
        self.sessions = sessions
        # caches set up on the instance itself: they go away with it
        self._account_ec2_client = functools.lru_cache()(self._account_ec2_client)
        self._get_assumed_role_client = functools.lru_cache()(self._get_assumed_role_client)

    def get_session(self, account: str) -> Any:
        return self.sessions[account]

    def _account_ec2_client(self, account_name: str, region_name: str | None = None) -> Any:
        session = self.get_session(account_name)
        return session.client("ec2", region_name=region_name)

    def _get_assumed_role_client(self, account_name: str, role: str, region: str) -> Any:
        session = self.get_session(account_name)
        assumed = session.assume_role(role, region)
        return assumed.client("ec2")

    def get_vpcs(self, account_name: str) -> list:
        return self._account_ec2_client(account_name).describe_vpcs().get("Vpcs", [])
