from __future__ import annotations

import argparse
import asyncio
import logging


class Client:
    def __init__(self, account, hooks=None) -> None:
        self.account = account
        self.hooks = hooks or {}
        self.logger = logging.getLogger("deltachat_rpc_client")

    async def is_configured(self) -> bool:
        return await self.account.is_configured()

    async def configure(self, email: str, password: str) -> None:
        await self.account.set_config("addr", email)
        await self.account.set_config("mail_pw", password)
        await self.account.configure()
        self.logger.info("Account configured")

    async def run_forever(self) -> None:
        while True:
            event = await self.account.wait_for_event()
            for hook in self.hooks.get(event["type"], ()):
                await hook(event)


async def _run_cli(client: Client, argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--email")
    parser.add_argument("--password")
    args = parser.parse_args(argv)

    if not await client.is_configured():
        assert args.email, "Account is not configured and email must be provided"
        assert args.password, "Account is not configured and password must be provided"
        # save a reference to avoid garbage collection of the task
        _configure_task = asyncio.create_task(client.configure(email=args.email, password=args.password))
    await client.run_forever()
