"""Keep Discord roles in step with the LDAP directory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord.ext import commands, tasks

from arthur.apis.directory import ldap
from arthur.config import CONFIG

if TYPE_CHECKING:
    from arthur.bot import KingArthurTheTerrible


class LDAP(commands.Cog):
    def __init__(self, bot: KingArthurTheTerrible) -> None:
        self.bot = bot
        self.sync_users.start()  # LEAK

    @tasks.loop(minutes=10)
    async def sync_users(self) -> None:
        """Sync users with the LDAP directory."""
        ldap_users = await ldap.find_users()
        guild = self.bot.get_guild(CONFIG.guild_id)
        for user in ldap_users:
            member = guild.get_member(user.discord_id)
            if member is None:
                await self.bot.get_channel(CONFIG.devops_channel_id).send(f"{user.uid} left the server")


async def setup(bot: KingArthurTheTerrible) -> None:
    await bot.add_cog(LDAP(bot))
