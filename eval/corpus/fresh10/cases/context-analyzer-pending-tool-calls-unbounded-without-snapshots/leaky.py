"""In-memory correlation engine pairing tool calls with token snapshots."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import Deque, Dict, List, Optional, Tuple


@dataclass
class PendingToolCall:
    event_id: int
    task_id: int
    task_type: str
    timestamp_ms: int


@dataclass
class SessionState:
    session_id: str
    last_snapshot_id: Optional[int] = None
    last_snapshot_total_input: Optional[int] = None
    pending_tool_calls: Deque[PendingToolCall] = field(
        default_factory=lambda: deque()  # LEAK
    )
    has_initial_snapshot: bool = False
    last_activity_ms: int = 0


def _now_ms() -> int:
    return int(time.time() * 1000)


def _get_or_create_session(sessions: Dict[str, SessionState], session_id: str) -> SessionState:
    session = sessions.get(session_id)
    if session is None:
        session = SessionState(session_id=session_id)
        sessions[session_id] = session
    return session


def on_tool_use(sessions: Dict[str, SessionState], session_id: str, tool_name: str, event_id: int,
                task_id: int, timestamp_ms: int) -> int:
    session = _get_or_create_session(sessions, session_id)
    session.pending_tool_calls.append(  # LEAK
        PendingToolCall(event_id=event_id, task_id=task_id, task_type=tool_name, timestamp_ms=timestamp_ms)
    )
    session.last_activity_ms = _now_ms()
    return task_id


def on_snapshot(sessions: Dict[str, SessionState], session_id: str, snapshot_id: int,
                effective_tokens: int) -> List[Tuple[int, Optional[int]]]:
    session = _get_or_create_session(sessions, session_id)
    if not session.has_initial_snapshot:
        session.last_snapshot_id = snapshot_id
        session.last_snapshot_total_input = effective_tokens
        session.has_initial_snapshot = True
        session.pending_tool_calls.clear()
        return []
    delta = effective_tokens - (session.last_snapshot_total_input or 0)
    results = [(call.task_id, 0) for call in session.pending_tool_calls]
    if results:
        results[-1] = (results[-1][0], delta)
    session.pending_tool_calls.clear()
    session.last_snapshot_id = snapshot_id
    session.last_snapshot_total_input = effective_tokens
    session.last_activity_ms = _now_ms()
    return results


def cleanup_stale_sessions(sessions: Dict[str, SessionState], max_idle_ms: int = 3_600_000) -> None:
    now = _now_ms()
    for session_id in [s for s, state in sessions.items() if now - state.last_activity_ms > max_idle_ms]:
        del sessions[session_id]
