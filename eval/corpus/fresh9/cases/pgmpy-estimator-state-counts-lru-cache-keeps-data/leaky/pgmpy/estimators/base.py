from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..utils.decorators import convert_args_tuple


class BaseEstimator:
    def __init__(self, data: pd.DataFrame, state_names=None) -> None:
        self.data = data
        self.variables = list(data.columns.values)
        self.state_names = state_names or {var: sorted(data.loc[:, var].dropna().unique()) for var in self.variables}

    @convert_args_tuple
    @lru_cache(maxsize=2048)  # LEAK
    def state_counts(self, variable, parents=[], complete_samples_only=None, weighted=False):
        parents = list(parents)
        data = self.data.dropna() if complete_samples_only else self.data.dropna(subset=[variable] + parents)
        if not parents:
            return data.loc[:, variable].value_counts().reindex(self.state_names[variable]).fillna(0).to_frame()
        return data.groupby([variable] + parents).size().unstack(parents)
