import json
from typing import Any, Dict

import aiohttp

from .utils import JSONSerializer, dt_now, run_async_task


class EventWebhookOps:
    def __init__(self, db: Any) -> None:
        self.notifications = db["webhooks"]

    async def get_notification(self, org_id: str, notification_id: str) -> Dict[str, Any]:
        res = await self.notifications.find_one({"_id": notification_id, "oid": org_id})
        if not res:
            raise KeyError(notification_id)
        return res

    async def send_notification(self, org_id: str, notification: Dict[str, Any]) -> None:
        body = json.dumps(notification["body"], cls=JSONSerializer)
        async with aiohttp.ClientSession() as session:
            async with session.post(notification["url"], data=body) as resp:
                success = resp.status < 400
        await self.notifications.update_one(
            {"_id": notification["_id"]},
            {"$set": {"success": success, "lastAttempted": dt_now()}, "$inc": {"attempts": 1}},
        )


async def retry_notification(ops: EventWebhookOps, org_id: str, notification_id: str) -> Dict[str, bool]:
    """Handler of the 'retry this webhook' endpoint."""
    notification = await ops.get_notification(org_id, notification_id)
    run_async_task(ops.send_notification(org_id, notification))
    return {"success": True}
