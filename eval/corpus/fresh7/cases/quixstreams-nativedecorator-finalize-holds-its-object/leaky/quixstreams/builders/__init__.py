from .eventdatabuilder import EventDataBuilder
