from typing import Any, Dict

from .base_types import PbsAttributeDescriptor, pbs_resource


class _job:
    _attributes_hook_set: Dict[Any, Dict[str, None]] = {}

    def __init__(self, jobid: str, connect_server: str = "") -> None:
        object.__setattr__(self, "id", jobid)
        self.Resource_List = pbs_resource("Resource_List")
        self._connect_server = connect_server

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if not name.startswith("_"):
            # Remember what the hook script changed, so the server can apply it.
            self._attributes_hook_set.setdefault(self, {}).update({name: None})  # LEAK


PbsAttributeDescriptor(_job, "Priority", 0, (int,))
PbsAttributeDescriptor(_job, "comment", "", (str,))
PbsAttributeDescriptor(_job, "Resource_List", None, (pbs_resource,))
PbsAttributeDescriptor(_job, "_connect_server", "", (str,))


def event_for_queuejob(jobid: str, server: str) -> Dict[str, Any]:
    """Built by the server for every queuejob hook event."""
    job = _job(jobid, server)
    return {"type": "queuejob", "job": job}
