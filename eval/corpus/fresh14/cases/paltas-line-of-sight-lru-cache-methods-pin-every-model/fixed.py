from typing import Any, Dict, Tuple

import numpy as np


class LineOfSightHalos:
    def __init__(self, cosmology: Any, los_parameters: Dict[str, float], source_parameters: Dict[str, float]) -> None:
        self.cosmo = cosmology
        self.los_parameters = los_parameters
        self.source_parameters = source_parameters
        self.mass_grid = np.logspace(6, 10, 4096)

    def mass_function(self, z: float, masses: np.ndarray) -> np.ndarray:
        return self.los_parameters["delta_los"] * masses ** -1.9 * (1 + z)

    def power_law_fit(self, z: float, m_min: float, m_max: float, n_points: int = 100) -> Tuple[float, float]:
        masses = np.logspace(np.log10(m_min), np.log10(m_max), n_points)
        slope, norm = np.polyfit(np.log(masses), np.log(self.mass_function(z, masses)), 1)
        return float(slope), float(np.exp(norm))

    def cone_radius(self, z: float, z_lens: float, z_source: float, cone_angle: float, buffer: float = 0.8) -> float:
        distance = self.cosmo.angular_diameter_distance(z)
        radius = distance * cone_angle / 2
        if z > z_lens:
            radius *= 1 - buffer * (z - z_lens) / (z_source - z_lens)
        return float(radius)

    def volume_element(self, z: float, z_lens: float, z_source: float, dz: float, cone_angle: float, buffer: float = 0.8) -> float:
        radius = self.cone_radius(z, z_lens, z_source, cone_angle, buffer)
        depth = self.cosmo.comoving_distance(z + dz) - self.cosmo.comoving_distance(z)
        return float(np.pi * radius ** 2 * depth)

    def draw_halo_counts(self, z_lens: float, z_source: float, dz: float, cone_angle: float) -> Dict[float, float]:
        counts: Dict[float, float] = {}
        for z in np.arange(dz, z_source, dz):
            slope, norm = self.power_law_fit(float(z), 1e6, 1e10)
            counts[float(z)] = norm * self.volume_element(float(z), z_lens, z_source, dz, cone_angle) * slope
        return counts
