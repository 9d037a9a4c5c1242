from __future__ import annotations


class Extractor:
    __slots__ = ("_helpee",)

    def __init__(self, spline: "Spline") -> None:
        self._helpee = spline

    def edges(self) -> list:
        return [self._helpee.control_points[0], self._helpee.control_points[-1]]


class Integrator:
    __slots__ = ("_helpee",)

    def __init__(self, spline: "Spline") -> None:
        self._helpee = spline

    def volume(self) -> float:
        return float(len(self._helpee.control_points))


class Spline:
    def __init__(self, degree: int, control_points: list) -> None:
        self.degree = degree
        self.control_points = control_points

    @property
    def extract(self) -> Extractor:
        # helpers hold no state of their own: a new one per request, never stored on the spline
        return Extractor(self)

    @property
    def integrate(self) -> Integrator:
        return Integrator(self)
