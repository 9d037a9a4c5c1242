from typing import Any, Dict, List, Optional

from .transport import RestTransport


class DicomServerClient(RestTransport):
    def __init__(self, base_url: str, user: Optional[str] = None, password: Optional[str] = None) -> None:
        super().__init__(base_url, user=user, password=password)

    def list_studies(self) -> List[str]:
        return self.get_json("studies")

    def study_tags(self, study_id: str) -> Dict[str, Any]:
        return self.get_json("studies/%s/tags" % study_id)

    def upload(self, payload: bytes) -> Dict[str, Any]:
        return self.post("instances", data=payload).json()
