import copy
import weakref
from typing import Any, Dict, Optional

import pandas as pd


class TableSchema:
    def __init__(self, column_types: Dict[str, str], index: Optional[str] = None) -> None:
        self.column_types = column_types
        self.index = index


class TypedTableAccessor:
    def __init__(self, dataframe: pd.DataFrame) -> None:
        # pandas caches the accessor on the frame: refer back to the frame weakly.
        self._dataframe_ref = weakref.ref(dataframe)
        self._schema: Optional[TableSchema] = None

    def init(self, index: Optional[str] = None, logical_types: Optional[Dict[str, str]] = None) -> None:
        types = {str(col): (logical_types or {}).get(str(col), str(dtype)) for col, dtype in self._dataframe.dtypes.items()}
        self._schema = TableSchema(types, index)

    @property
    def _dataframe(self) -> pd.DataFrame:
        return self._dataframe_ref()

    @property
    def schema(self) -> Optional[TableSchema]:
        return copy.deepcopy(self._schema)

    @property
    def types(self) -> pd.DataFrame:
        assert self._schema is not None
        return pd.DataFrame({"logical_type": self._schema.column_types}).loc[list(self._dataframe.columns), :]

    def select(self, logical_type: str) -> pd.DataFrame:
        assert self._schema is not None
        cols = [c for c, t in self._schema.column_types.items() if t == logical_type]
        return self._dataframe[cols]


@pd.api.extensions.register_dataframe_accessor("tf")
class PandasTableAccessor(TypedTableAccessor):
    pass


def describe(frame: Any) -> Dict[str, str]:
    schema = frame.tf.schema
    return {} if schema is None else dict(schema.column_types)
