from __future__ import annotations

import numpy as np


class ScalarFunction:
    def __init__(self, fun, x0, args, grad, epsilon=1e-8):
        self.x = np.atleast_1d(x0).astype(float)
        self.nfev = 0
        self.ngev = 0
        self.f_updated = False
        self.g_updated = False

        def fun_wrapped(x):
            self.nfev += 1
            return float(fun(np.copy(x), *args))

        def update_fun():  # LEAK
            self.f = fun_wrapped(self.x)

        self._update_fun_impl = update_fun  # LEAK
        self._update_fun()

        def grad_wrapped(x):
            self.ngev += 1
            return np.atleast_1d(grad(np.copy(x), *args))

        def update_grad():  # LEAK
            self.g = grad_wrapped(self.x)

        self._update_grad_impl = update_grad  # LEAK
        self._update_grad()

        def update_x(x):  # LEAK
            self.x = np.atleast_1d(x).astype(float)
            self.f_updated = False
            self.g_updated = False

        self._update_x_impl = update_x  # LEAK

    def _update_fun(self):
        if not self.f_updated:
            self._update_fun_impl()
            self.f_updated = True

    def _update_grad(self):
        if not self.g_updated:
            self._update_grad_impl()
            self.g_updated = True

    def fun_and_grad(self, x):
        if not np.array_equal(x, self.x):
            self._update_x_impl(x)
        self._update_fun()
        self._update_grad()
        return self.f, self.g
