from __future__ import annotations

from functools import lru_cache
from typing import Any

import torch
from torch import Tensor

MCMC_DIM = -3
TOL = 1e-6


def batched_bisect(f: Any, target: float, bounds: Tensor, max_steps: int = 32) -> Tensor:
    bounds = bounds.clone()
    center = bounds.mean(dim=0)
    for _ in range(max_steps):
        go_left = f(center) > target
        bounds[1, go_left] = center[go_left]
        bounds[0, ~go_left] = center[~go_left]
        center = bounds.mean(dim=0)
    return center


class MixturePosterior:
    """Posterior of a fully Bayesian model: one Gaussian per MCMC sample, mixed."""

    def __init__(self, distribution: Any) -> None:
        self.distribution = distribution
        self._mean = distribution.mean.unsqueeze(-1)
        self._variance = distribution.variance.unsqueeze(-1)

    @property
    def mean(self) -> Tensor:
        return self._mean

    @property
    def variance(self) -> Tensor:
        return self._variance

    @property
    @lru_cache(maxsize=None)  # LEAK
    def mixture_mean(self) -> Tensor:
        return self._mean.mean(dim=MCMC_DIM)

    @property
    @lru_cache(maxsize=None)  # LEAK
    def mixture_variance(self) -> Tensor:
        n = self.mean.shape[MCMC_DIM]
        t1 = self._variance.sum(dim=MCMC_DIM) / n
        t2 = self._mean.pow(2).sum(dim=MCMC_DIM) / n
        t3 = -(self._mean.sum(dim=MCMC_DIM) / n).pow(2)
        return t1 + t2 + t3

    @lru_cache(maxsize=None)  # LEAK
    def quantile(self, value: Tensor) -> Tensor:
        if value.numel() > 1:
            return torch.stack([self.quantile(v) for v in value], dim=0)
        if value <= 0 or value >= 1:
            raise ValueError("value is expected to be in the range (0, 1).")
        dist = torch.distributions.Normal(loc=self.mean, scale=self.variance.sqrt())
        icdf = dist.icdf(value)
        bounds = torch.stack((icdf.min(dim=MCMC_DIM).values - TOL, icdf.max(dim=MCMC_DIM).values + TOL))
        return batched_bisect(lambda x: dist.cdf(x.unsqueeze(MCMC_DIM)).mean(dim=MCMC_DIM),
                              value.item(), bounds)
