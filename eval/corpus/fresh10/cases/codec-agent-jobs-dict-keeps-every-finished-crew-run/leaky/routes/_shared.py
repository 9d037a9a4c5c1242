"""Shared state and helpers for the dashboard routes."""
import logging
import threading
from datetime import datetime

log = logging.getLogger("codec_dashboard")

_research_jobs: dict = {}
_agent_jobs: dict = {}  # LEAK
_AGENTS_DIR = "~/.codec/agents"
