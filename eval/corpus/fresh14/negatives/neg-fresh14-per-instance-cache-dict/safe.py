from typing import Dict, Tuple


class LineOfSight:
    def __init__(self, scale: float) -> None:
        self.scale = scale
        self._fits: Dict[Tuple[float, float, float], Tuple[float, float]] = {}

    def power_law_fit(self, z: float, m_min: float, m_max: float) -> Tuple[float, float]:
        key = (z, m_min, m_max)
        fit = self._fits.get(key)
        if fit is None:
            fit = (-1.9 * self.scale, (m_max - m_min) * (1 + z))
            self._fits[key] = fit
        return fit
