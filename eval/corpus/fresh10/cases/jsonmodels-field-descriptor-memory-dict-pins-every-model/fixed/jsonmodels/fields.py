from __future__ import annotations

from weakref import WeakKeyDictionary

from .errors import ValidationError


class BaseField(object):
    """Base class for all fields."""

    types = None

    def __init__(self, required=False, help_text=None, validators=None):
        self.memory = WeakKeyDictionary()
        self.required = required
        self.help_text = help_text
        self.validators = list(validators or [])

    def __set__(self, instance, value):
        value = self.parse_value(value)
        self.validate(value)
        self.memory[instance] = value

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        self._check_value(instance)
        return self.memory[instance]

    def _check_value(self, obj):
        if obj not in self.memory:
            self.__set__(obj, self.get_default_value())

    def validate_for_object(self, obj):
        self.validate(self.__get__(obj))

    def validate(self, value):
        if value is None and self.required:
            raise ValidationError("Field is required!")
        if value is not None and self.types is not None and not isinstance(value, self.types):
            raise ValidationError("Value is wrong", value)
        for validator in self.validators:
            validator.validate(value)

    def parse_value(self, value):
        return value

    def get_default_value(self):
        return None


class StringField(BaseField):
    types = (str,)


class IntField(BaseField):
    types = (int,)
