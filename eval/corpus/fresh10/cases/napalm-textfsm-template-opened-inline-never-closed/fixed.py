from __future__ import annotations

import os
import sys
from typing import Dict, List

import textfsm

import napalm.base.exceptions


def _template_path(c: type, template_name: str) -> str:
    current_dir = os.path.dirname(os.path.abspath(sys.modules[c.__module__].__file__))
    return "{}/utils/textfsm_templates/{}.tpl".format(current_dir, template_name)


def textfsm_extractor(cls: object, template_name: str, raw_text: str) -> List[Dict[str, str]]:
    """Apply a TextFSM template, looked up along the driver's MRO, to raw CLI output."""
    textfsm_data: List[Dict[str, str]] = []
    for c in cls.__class__.mro():
        if c is object:
            continue
        template_path = _template_path(c, template_name)
        try:
            with open(template_path) as f:
                fsm_handler = textfsm.TextFSM(f)

                for obj in fsm_handler.ParseText(raw_text):
                    entry = {}
                    for index, entry_value in enumerate(obj):
                        entry[fsm_handler.header[index].lower()] = entry_value
                    textfsm_data.append(entry)

                return textfsm_data
        except IOError:  # template not present in this class
            continue
        except textfsm.TextFSMTemplateError as tfte:
            raise napalm.base.exceptions.TemplateRenderException(
                "Wrong format of TextFSM template {}: {}".format(template_name, tfte)
            )

    raise napalm.base.exceptions.TemplateNotImplemented(
        "TextFSM template {}.tpl is not defined".format(template_name)
    )
