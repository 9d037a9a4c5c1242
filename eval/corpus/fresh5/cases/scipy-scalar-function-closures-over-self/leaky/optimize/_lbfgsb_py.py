from __future__ import annotations

import numpy as np

from ._differentiable_functions import ScalarFunction


def minimize_lbfgsb(fun, x0, jac, args=(), maxiter=100, step=1e-2):
    sf = ScalarFunction(fun, x0, args, jac)
    x = np.asarray(x0, dtype=float)
    for _ in range(maxiter):
        f, g = sf.fun_and_grad(x)
        if np.linalg.norm(g) < 1e-6:
            break
        x = x - step * g
    return {"x": x, "fun": sf.f, "nfev": sf.nfev, "njev": sf.ngev}
