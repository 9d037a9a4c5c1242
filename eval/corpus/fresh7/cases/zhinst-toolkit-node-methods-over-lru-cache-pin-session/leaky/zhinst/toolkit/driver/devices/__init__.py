from .base import BaseInstrument
