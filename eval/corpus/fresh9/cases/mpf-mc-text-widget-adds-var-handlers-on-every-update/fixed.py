from __future__ import annotations

import re

var_finder = re.compile(r"(?<=\()[a-zA-Z_0-9|]+(?=\))")


class Text:
    def __init__(self, mc, config: dict) -> None:
        self.mc = mc
        self.config = config
        self.original_text = config.get("text", "")
        self.event_replacements = {}
        self._process_text(self.original_text)

    @staticmethod
    def _get_text_vars(text: str):
        return var_finder.findall(text)

    def _process_text(self, text: str) -> None:
        for var_string in self._get_text_vars(text):
            if var_string in self.event_replacements:
                text = text.replace("({})".format(var_string), str(self.event_replacements[var_string]))
        if self._get_text_vars(text):
            # monitors won't be added twice, so it's ok to blindly call this
            self._setup_variable_monitors(text)
        self.update_vars_in_text(text)

    def update_vars_in_text(self, text: str) -> None:
        self.text = text

    def _player_var_change(self, **kwargs) -> None:
        del kwargs
        self.update_vars_in_text(self.original_text)

    def _machine_var_change(self, **kwargs) -> None:
        del kwargs
        self.update_vars_in_text(self.original_text)

    def _setup_variable_monitors(self, text: str) -> None:
        for var_string in self._get_text_vars(text):
            if "|" not in var_string:
                self.add_player_var_handler(name=var_string)
                self.add_current_player_handler()
            else:
                source, variable_name = var_string.split("|")
                if source.lower().startswith("player"):
                    self.add_player_var_handler(name=variable_name)
                elif source.lower() == "machine":
                    self.add_machine_var_handler(name=variable_name)

    def add_player_var_handler(self, name: str) -> None:
        self.mc.events.replace_handler("player_{}".format(name), self._player_var_change)

    def add_current_player_handler(self) -> None:
        self.mc.events.replace_handler("player_turn_start", self._player_var_change)

    def add_machine_var_handler(self, name: str) -> None:
        self.mc.events.add_handler("machine_var_{}".format(name), self._machine_var_change)

    def prepare_for_removal(self) -> None:
        self.mc.events.remove_handler(self._player_var_change)
        self.mc.events.remove_handler(self._machine_var_change)
