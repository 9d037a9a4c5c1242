"""Agent crew routes."""
import threading
import uuid
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from routes._shared import (
    _agent_jobs,
    _agent_jobs_lock, _evict_stale_agent_jobs,
)

router = APIRouter()


@router.post("/api/agents/run")
async def run_agent_crew(request: Request):
    """Start an agent crew in the background and return its job id at once."""
    body = await request.json()
    crew_name = body.pop("crew", "")
    if not crew_name:
        return JSONResponse({"error": "Missing 'crew' field"}, status_code=400)

    # sweep terminal jobs older than 24h before adding a new one
    _evict_stale_agent_jobs()
    job_id = str(uuid.uuid4())[:8]
    with _agent_jobs_lock:
        _agent_jobs[job_id] = {
            "status": "running",
            "crew": crew_name,
            "progress": [],
            "started": datetime.now().isoformat(),
        }

    def _run():
        import asyncio
        loop = asyncio.new_event_loop()
        progress_log = _agent_jobs[job_id]["progress"]
        try:
            from codec_agents import run_crew
            result = loop.run_until_complete(run_crew(crew_name, callback=progress_log.append, **body))
            _agent_jobs[job_id].update(result)
            _agent_jobs[job_id]["status"] = result.get("status", "complete")
        except Exception as e:
            _agent_jobs[job_id]["status"] = "error"
            _agent_jobs[job_id]["error"] = str(e)
        finally:
            loop.close()

    threading.Thread(target=_run, daemon=True).start()
    return {"job_id": job_id, "status": "running", "crew": crew_name}


@router.get("/api/agents/status/{job_id}")
async def agent_status(job_id: str):
    job = _agent_jobs.get(job_id)
    if job is None:
        return JSONResponse({"error": "unknown job"}, status_code=404)
    return job
