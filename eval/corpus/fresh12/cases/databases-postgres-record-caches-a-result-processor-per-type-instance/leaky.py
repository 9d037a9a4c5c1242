import logging
import typing
from collections.abc import Mapping

logger = logging.getLogger("databases")

_result_processors = {}  # type: dict


class Record(Mapping):
    __slots__ = ("_row", "_result_columns", "_dialect", "_column_map", "_column_map_int", "_column_map_full")

    def __init__(self, row, result_columns: tuple, dialect, column_maps: tuple) -> None:
        self._row = row
        self._result_columns = result_columns
        self._dialect = dialect
        self._column_map, self._column_map_int, self._column_map_full = column_maps

    def __getitem__(self, key: typing.Any) -> typing.Any:
        if len(self._column_map) == 0:
            return self._row[key]
        elif isinstance(key, int):
            idx, datatype = self._column_map_int[key]
        else:
            idx, datatype = self._column_map[key]
        raw = self._row[idx]
        try:
            processor = _result_processors[datatype]
        except KeyError:
            processor = datatype.result_processor(self._dialect, None)
            _result_processors[datatype] = processor  # LEAK
        if processor is not None:
            return processor(raw)
        return raw

    def __iter__(self) -> typing.Iterator:
        return iter(self._row.keys())

    def __len__(self) -> int:
        return len(self._row)
