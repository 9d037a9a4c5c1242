from __future__ import annotations

from django.db.models.signals import m2m_changed, post_save


def reset_state(sender, instance, **kwargs) -> None:
    instance._original_state = instance._as_dict()


class ChangeTrackingMixin:
    TRACK_M2M = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        post_save.connect(
            reset_state, sender=self.__class__, weak=False,
            dispatch_uid=f"{self.__class__.__name__}-change-tracking-sweeper")
        if self.TRACK_M2M:
            self._connect_m2m_relations()
        reset_state(sender=self.__class__, instance=self)

    def _connect_m2m_relations(self) -> None:
        for field in self._meta.many_to_many:
            m2m_changed.connect(
                reset_state, sender=field.remote_field.through, weak=False,
                dispatch_uid=f"{self.__class__.__name__}-change-tracking-sweeper-m2m")

    def _as_dict(self) -> dict:
        return {f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields}

    def dirty_fields(self) -> dict:
        current = self._as_dict()
        return {k: v for k, v in self._original_state.items() if current.get(k) != v}
