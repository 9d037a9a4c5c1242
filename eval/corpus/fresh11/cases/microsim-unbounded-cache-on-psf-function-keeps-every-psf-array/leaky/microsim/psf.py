from __future__ import annotations

import logging
import os

import numpy as np

from microsim.schema.backend import NumpyAPI
from microsim.util import microsim_cache
from functools import cache


def make_psf(space, channel, em_wvl_nm=None, objective=None, pinhole_au=None,
             max_au_relative=None, xp=None):
    nz, _ny, nx = space.shape
    dz, _dy, dx = space.scale
    ex_wvl_nm = channel.excitation.bandcenter.to("nm").magnitude
    if em_wvl_nm is None:
        em_wvl_nm = ex_wvl_nm
    return cached_psf(
        nz=nz,
        nx=nx,
        dx=dx,
        dz=dz,
        ex_wvl_um=ex_wvl_nm * 1e-3,
        em_wvl_um=em_wvl_nm * 1e-3,
        objective=objective,
        pinhole_au=pinhole_au,
        max_au_relative=max_au_relative,
        xp=NumpyAPI.create(xp),
    )


# variant of make_psf that only accepts hashable arguments
@cache  # LEAK
def cached_psf(
    nz: int,
    nx: int,
    dx: float,
    dz: float,
    ex_wvl_um: float,
    em_wvl_um: float,
    objective,
    pinhole_au: float | None,
    max_au_relative: float | None,
    xp: NumpyAPI,
):
    if max_au_relative is not None:
        airy_radius = 0.61 * ex_wvl_um / objective.numerical_aperture
        max_nx = int(airy_radius / dx * max_au_relative * 2)
        nx = min(nx, max_nx) | 1

    use_cache = os.getenv("MICROSIM_CACHE", "").lower() not in {"0", "false", "no", "n"}
    if use_cache:
        cache_path = microsim_cache("psf") / f"{nz}_{nx}_{dz}_{dx}_{em_wvl_um}_{pinhole_au}.npy"
        if cache_path.exists():
            logging.info("Using cached PSF: %s", cache_path)
            return xp.asarray(np.load(cache_path))

    psf = xp.vectorial_psf_centered(wvl=em_wvl_um, nz=nz + 1, nx=nx + 1, dz=dz, dxy=dx,
                                    objective=objective)
    return xp.asarray(psf)
