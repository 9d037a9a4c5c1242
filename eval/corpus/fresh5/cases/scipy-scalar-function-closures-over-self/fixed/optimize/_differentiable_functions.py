from __future__ import annotations

import numpy as np


class _FunctionWrapper:
    """Counts calls without referring back to the ScalarFunction that owns it."""

    def __init__(self, fun, args):
        self.fun = fun
        self.args = args
        self.nfev = 0

    def __call__(self, x):
        self.nfev += 1
        return self.fun(np.copy(x), *self.args)


class ScalarFunction:
    def __init__(self, fun, x0, args, grad, epsilon=1e-8):
        self.x = np.atleast_1d(x0).astype(float)
        self.f_updated = False
        self.g_updated = False
        self._wrapped_fun = _FunctionWrapper(fun, args)
        self._wrapped_grad = _FunctionWrapper(grad, args)
        self._update_fun()
        self._update_grad()

    @property
    def nfev(self):
        return self._wrapped_fun.nfev

    @property
    def ngev(self):
        return self._wrapped_grad.nfev

    def _update_fun(self):
        if not self.f_updated:
            self.f = float(self._wrapped_fun(self.x))
            self.f_updated = True

    def _update_grad(self):
        if not self.g_updated:
            self.g = np.atleast_1d(self._wrapped_grad(self.x))
            self.g_updated = True

    def _update_x(self, x):
        self.x = np.atleast_1d(x).astype(float)
        self.f_updated = False
        self.g_updated = False

    def fun_and_grad(self, x):
        if not np.array_equal(x, self.x):
            self._update_x(x)
        self._update_fun()
        self._update_grad()
        return self.f, self.g
