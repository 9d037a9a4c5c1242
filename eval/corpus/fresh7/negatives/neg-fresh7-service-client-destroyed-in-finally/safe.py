from __future__ import annotations


def call_service(node_handle, service_class, service: str, request):
    client = node_handle.create_client(service_class, service)
    try:
        if not client.wait_for_service(timeout_sec=5.0):
            raise TimeoutError(f"service {service} not available")
        return client.call(request)
    finally:
        node_handle.destroy_client(client)
