from __future__ import annotations


def invoke(stub, request):
    deserializer = stub.deserializer()
    obj = deserializer.deserialize(stub.send(request))
    if not isinstance(obj, BaseException):
        return obj
    try:
        raise obj
    finally:
        del deserializer
        del obj
