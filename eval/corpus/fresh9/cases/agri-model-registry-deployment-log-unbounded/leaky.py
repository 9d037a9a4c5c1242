from __future__ import annotations

import logging
from datetime import datetime
from typing import Dict, List, Optional

logger = logging.getLogger(__name__)


class ModelRegistry:
    """Manages model versions, deployment history and metadata."""

    def __init__(self) -> None:
        self.models: Dict[str, Dict[str, dict]] = {}
        self.deployment_log: List[Dict] = []

    def promote_to_canary(self, model_name: str, version: str, traffic_percentage: int = 5) -> bool:
        model = self.models.get(model_name, {}).get(version)
        if not model:
            logger.error(f"Model {model_name}:{version} not found")
            return False
        model["status"] = "canary"
        model["deployed_at"] = datetime.now().isoformat()
        self._log_deployment(model_name, version, "canary", traffic_percentage)
        return True

    def rollback(self, model_name: str, version: str, reason: str) -> bool:
        self._log_deployment(model_name, version, "rollback", 0, reason)
        return True

    def _log_deployment(self, model_name: str, version: str, action: str, traffic: int, reason: Optional[str] = None) -> None:
        self.deployment_log.append(  # LEAK
            {
                "timestamp": datetime.now().isoformat(),
                "model_name": model_name,
                "version": version,
                "action": action,
                "traffic_percentage": traffic,
                "reason": reason,
            }
        )

    def get_deployment_history(self, model_name: str, limit: int = 20) -> List[Dict]:
        return [log for log in self.deployment_log if log["model_name"] == model_name][-limit:]
