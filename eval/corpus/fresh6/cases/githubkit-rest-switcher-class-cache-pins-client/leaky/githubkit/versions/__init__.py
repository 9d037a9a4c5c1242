VERSIONS = {"2022-11-28": "v2022_11_28"}
LATEST_VERSION = "2022-11-28"

from .rest import RestVersionSwitcher as RestVersionSwitcher  # noqa: E402
