class ValidationError(RuntimeError):
    pass


class FieldNotFound(RuntimeError):
    pass
