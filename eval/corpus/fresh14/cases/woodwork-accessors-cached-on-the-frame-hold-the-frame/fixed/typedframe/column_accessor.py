import copy
import weakref
from typing import Optional

import pandas as pd


class ColumnSchema:
    def __init__(self, logical_type: str) -> None:
        self.logical_type = logical_type


class TypedColumnAccessor:
    def __init__(self, series: pd.Series) -> None:
        self._series_ref = weakref.ref(series)
        self._schema: Optional[ColumnSchema] = None

    def init(self, logical_type: Optional[str] = None) -> None:
        self._schema = ColumnSchema(logical_type or str(self._series.dtype))

    @property
    def _series(self) -> pd.Series:
        return self._series_ref()

    @property
    def schema(self) -> Optional[ColumnSchema]:
        return copy.deepcopy(self._schema)

    def nunique(self) -> int:
        return int(self._series.nunique())


@pd.api.extensions.register_series_accessor("tf")
class PandasColumnAccessor(TypedColumnAccessor):
    pass
