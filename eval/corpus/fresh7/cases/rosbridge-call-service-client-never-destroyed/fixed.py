from __future__ import annotations

from threading import Thread


class InvalidServiceException(Exception):
    def __init__(self, servicename: str) -> None:
        Exception.__init__(self, "Service %s does not exist" % servicename)


def get_service_class(service_type: str):
    module_name, _, class_name = service_type.replace("/srv/", "/").partition("/")
    module = __import__(f"{module_name}.srv", fromlist=[class_name])
    return getattr(module, class_name)


def extract_values(message) -> dict:
    return {name: getattr(message, name) for name in message.get_fields_and_field_types()}


def populate_instance(msg: dict, inst) -> None:
    for name, value in msg.items():
        setattr(inst, name, value)


class ServiceCaller(Thread):
    def __init__(self, service, args, success_callback, error_callback, node_handle) -> None:
        Thread.__init__(self)
        self.daemon = True
        self.service = service
        self.args = args
        self.success = success_callback
        self.error = error_callback
        self.node_handle = node_handle

    def run(self) -> None:
        try:
            self.success(call_service(self.node_handle, self.service, self.args))
        except Exception as e:
            self.error(e)


def call_service(node_handle, service: str, args=None):
    service_names_and_types = dict(node_handle.get_service_names_and_types())
    service_type = service_names_and_types.get(service)
    if service_type is None:
        raise InvalidServiceException(service)
    service_class = get_service_class(service_type[0])
    inst = service_class.Request()
    populate_instance(args if isinstance(args, dict) else {}, inst)

    client = node_handle.create_client(service_class, service)

    result = client.call(inst)

    node_handle.destroy_client(client)
    if result is not None:
        json_response = extract_values(result)
    else:
        raise Exception(result)

    return json_response
