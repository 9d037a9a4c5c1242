from __future__ import annotations

import numpy as np


def _wrapper_fun(fun, args=()):
    # module-level: the wrapper counts calls in a list it owns, never through the ScalarFunction
    ncalls = [0]

    def wrapped(x):
        ncalls[0] += 1
        return float(fun(np.copy(x), *args))

    return wrapped, ncalls


def _wrapper_grad(grad, args=()):
    ncalls = [0]

    def wrapped(x):
        ncalls[0] += 1
        return np.atleast_1d(grad(np.copy(x), *args))

    return wrapped, ncalls


class ScalarFunction:
    def __init__(self, fun, x0, args, grad, epsilon=1e-8):
        self.x = np.atleast_1d(x0).astype(float)
        self.f_updated = False
        self.g_updated = False
        self._wrapped_fun, self._nfev = _wrapper_fun(fun, args=args)
        self._update_fun()
        self._wrapped_grad, self._ngev = _wrapper_grad(grad, args=args)
        self._update_grad()

    @property
    def nfev(self):
        return self._nfev[0]

    @property
    def ngev(self):
        return self._ngev[0]

    def _update_x(self, x):
        self.x = np.atleast_1d(x).astype(float)
        self.f_updated = False
        self.g_updated = False

    def _update_fun(self):
        if not self.f_updated:
            self.f = self._wrapped_fun(self.x)
            self.f_updated = True

    def _update_grad(self):
        if not self.g_updated:
            self.g = self._wrapped_grad(self.x)
            self.g_updated = True

    def fun_and_grad(self, x):
        if not np.array_equal(x, self.x):
            self._update_x(x)
        self._update_fun()
        self._update_grad()
        return self.f, self.g
