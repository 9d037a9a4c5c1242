from .envoy import Envoy
