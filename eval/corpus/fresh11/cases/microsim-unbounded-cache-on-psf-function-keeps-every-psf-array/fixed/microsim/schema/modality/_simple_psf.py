from __future__ import annotations

from microsim.psf import make_psf


class _PSFModality:
    def psf(self, space, channel, objective_lens, em_wvl_nm=None, xp=None):
        # called once per channel and fluorophore of every simulated image
        return make_psf(
            space=space,
            channel=channel,
            em_wvl_nm=em_wvl_nm,
            objective=objective_lens,
            pinhole_au=getattr(self, "pinhole_au", None),
            max_au_relative=getattr(self, "max_au_relative", None),
            xp=xp,
        )


class Widefield(_PSFModality):
    max_au_relative: float = 8


class Confocal(_PSFModality):
    pinhole_au: float = 1
