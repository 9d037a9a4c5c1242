from functools import lru_cache

import numpy as np

PSF_CACHE_SIZE = 64


@lru_cache(maxsize=PSF_CACHE_SIZE)
def cached_psf(nz: int, nx: int, dx: float, dz: float, wavelength: float) -> np.ndarray:
    z = np.linspace(-nz * dz / 2, nz * dz / 2, nz)
    x = np.linspace(-nx * dx / 2, nx * dx / 2, nx)
    zz, xx = np.meshgrid(z, x, indexing="ij")
    return np.exp(-(xx ** 2 + zz ** 2) / wavelength)


def make_psf(space, wavelength_nm: float) -> np.ndarray:
    nz, _, nx = space.shape
    dz, _, dx = space.scale
    return cached_psf(nz, nx, dx, dz, wavelength_nm * 1e-3)
