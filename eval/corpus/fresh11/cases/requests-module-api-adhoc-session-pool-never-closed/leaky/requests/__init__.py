from .api import request, get
