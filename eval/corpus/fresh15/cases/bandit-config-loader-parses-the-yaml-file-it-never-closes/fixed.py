import logging
from typing import Any, Dict, Optional

import yaml

LOG = logging.getLogger(__name__)


class ConfigError(Exception):
    def __init__(self, message: str, config_file: str) -> None:
        super().__init__("%s (%s)" % (message, config_file))
        self.config_file = config_file


class ScannerConfig:
    def __init__(self, config_file: Optional[str] = None) -> None:
        self.config_file = config_file
        self._config: Dict[str, Any] = {}

        if config_file:
            try:
                f = open(config_file, "r")
            except IOError:
                raise ConfigError("Could not read config file.", config_file)

            try:
                with f:
                    self._config = yaml.safe_load(f)
                self.validate(config_file)
            except yaml.YAMLError as err:
                LOG.error(err)
                raise ConfigError("Error parsing file.", config_file)

            if not isinstance(self._config, dict):
                raise ConfigError("Error parsing file.", config_file)

            self.convert_legacy_config()
        else:
            self._config["plugin_name_pattern"] = "*.py"
            self._config["include"] = ["*.py", "*.pyw"]

        self._init_settings()

    def validate(self, path: str) -> None:
        if isinstance(self._config, dict) and "profiles" in self._config:
            LOG.warning("%s uses the legacy 'profiles' section", path)

    def convert_legacy_config(self) -> None:
        profiles = self._config.pop("profiles", None)
        if profiles:
            self._config.setdefault("tests", [])
            for profile in profiles.values():
                self._config["tests"].extend(profile.get("include", []))

    def _init_settings(self) -> None:
        self._settings = {"plugin_name_pattern": self._config.get("plugin_name_pattern", "*.py")}

    def get_option(self, option_string: str) -> Any:
        node: Any = self._config
        for part in option_string.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node
