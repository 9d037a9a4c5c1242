from __future__ import annotations

import json
import logging
import shlex
import subprocess
from typing import Dict, Iterator, List

from networkml.helpers.gzipio import gzip_writer


class PCAPToCSV():
    def __init__(self) -> None:
        self.logger = logging.getLogger(__name__)

    @staticmethod
    def flatten_json(item: Dict) -> Dict:
        flat = {}
        for key, value in item.items():
            if isinstance(value, dict):
                for sub_key, sub_value in PCAPToCSV.flatten_json(value).items():
                    flat[f"{key}_{sub_key}"] = sub_value
            else:
                flat[key] = value
        return flat

    def json_packet_records(self, process: subprocess.Popen) -> Iterator[Dict]:
        json_buffer: List[str] = []
        depth = 0
        while True:
            json_line = process.stdout.readline().decode(encoding="utf-8", errors="ignore")
            if json_line == "" and process.poll() is not None:
                break
            if not json_line.startswith(" "):
                continue
            bracket_line = json_line.strip().rstrip(",")
            if bracket_line.endswith("}"):
                depth -= 1
            elif bracket_line.endswith("{"):
                depth += 1
            json_buffer.append(bracket_line)
            if depth == 0:
                yield json.loads("\n".join(json_buffer))
                json_buffer = []

    def get_tshark_packet_data(self, pcap_file: str, dict_fp: str) -> None:
        options = "-n -V -Tjson"
        try:
            with subprocess.Popen(shlex.split(
                    " ".join(["tshark", "-r", pcap_file, options])), stdout=subprocess.PIPE) as process:
                with gzip_writer(dict_fp) as f_out:
                    for item in self.json_packet_records(process):
                        f_out.write(json.dumps(self.flatten_json(item)) + "\n")
        except Exception as e:  # pragma: no cover
            self.logger.error(f"{e}")
