"""Send motivating messages to the devops team."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import TYPE_CHECKING

import discord
from discord.ext import commands, tasks

from arthur.config import CONFIG

if TYPE_CHECKING:
    from arthur.bot import KingArthurTheTerrible

GARF_URL = "https://www.gocomics.com/garfield/"


class Motivation(commands.Cog):
    def __init__(self, bot: KingArthurTheTerrible) -> None:
        self.bot = bot
        self.devops_channel = bot.get_channel(CONFIG.devops_channel_id)
        self.send_daily_motivation.start()
        if CONFIG.youtube_api_key:
            self.send_daily_mission.start()

    async def cog_unload(self) -> None:
        """Cancel background tasks on unload."""
        self.send_daily_motivation.cancel()
        self.send_daily_mission.cancel()

    @tasks.loop(time=time(hour=12, minute=30, tzinfo=UTC))
    async def send_daily_mission(self) -> None:
        params = {"channelId": "UC4CoHBR01SHu6fMy2EaeWcg", "order": "date", "maxResults": "5"}
        async with self.bot.http_session.get("https://www.googleapis.com/youtube/v3/search", params=params) as resp:
            resp.raise_for_status()
            data = await resp.json()
        for video in data["items"]:
            if video["snippet"]["title"].startswith("TODAY'S MISSION:"):
                await self.devops_channel.send(f"https://www.youtube.com/shorts/{video['id']['videoId']}")
                break

    @tasks.loop(time=time(hour=9, tzinfo=UTC))
    async def send_daily_motivation(self) -> None:
        today = datetime.now(UTC).date().isoformat().replace("-", "/")
        async with self.bot.http_session.get(GARF_URL + today) as resp:
            resp.raise_for_status()
        embed = discord.Embed(title=f"Garfield: {today}", url=GARF_URL + today, colour=discord.Colour.orange())
        await self.devops_channel.send(embed=embed)


async def setup(bot: KingArthurTheTerrible) -> None:
    await bot.add_cog(Motivation(bot))
