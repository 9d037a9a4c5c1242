from typing import Any, Dict, List, Optional

connections: List[Optional[Any]] = [None]
connection_dict: Dict[int, Any] = {}
server = False
