from __future__ import annotations

from . import errors
from .errors import ValidationError
from .fields import BaseField


class Base(object):
    """Base class for all models."""

    def __init__(self, **kwargs):
        self.populate(**kwargs)

    def populate(self, **kw):
        """Populate values to fields. Skip non-existing."""
        for name, field in self:
            if name in kw:
                field.__set__(self, kw[name])

    def get_field(self, field_name):
        for attr_name, field in self:
            if field_name == attr_name:
                return field
        raise errors.FieldNotFound("Field not found", field_name)

    def __iter__(self):
        for name, field in self.iterate_over_fields():
            yield name, field

    def validate(self):
        for name, field in self:
            try:
                field.validate_for_object(self)
            except ValidationError as error:
                raise ValidationError("Error for field '{name}'.".format(name=name), error)

    @classmethod
    def iterate_over_fields(cls):
        for attr in dir(cls):
            clsattr = getattr(cls, attr)
            if isinstance(clsattr, BaseField):
                yield attr, clsattr
