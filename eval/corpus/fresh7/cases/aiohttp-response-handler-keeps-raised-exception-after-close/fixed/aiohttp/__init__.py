from .client_proto import ResponseHandler
from .streams import DataQueue, EofStream
