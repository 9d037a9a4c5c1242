from __future__ import annotations


class Extractor:
    def __init__(self, spline: "Spline") -> None:
        self._helpee = spline  # LEAK

    def edges(self) -> list:
        return [self._helpee.control_points[0], self._helpee.control_points[-1]]


class Integrator:
    def __init__(self, spline: "Spline") -> None:
        self._helpee = spline  # LEAK

    def volume(self) -> float:
        return float(len(self._helpee.control_points))


def _get_helper(spline: "Spline", attr_name: str, helper_class: type):
    helper = getattr(spline, attr_name, None)
    if helper is not None:
        return helper
    helper = helper_class(spline)
    setattr(spline, attr_name, helper)  # LEAK
    return helper


class Spline:
    def __init__(self, degree: int, control_points: list) -> None:
        self.degree = degree
        self.control_points = control_points
        self._extractor: Extractor | None = None
        self._integrator: Integrator | None = None

    @property
    def extract(self) -> Extractor:
        return _get_helper(self, "_extractor", Extractor)

    @property
    def integrate(self) -> Integrator:
        return _get_helper(self, "_integrator", Integrator)
