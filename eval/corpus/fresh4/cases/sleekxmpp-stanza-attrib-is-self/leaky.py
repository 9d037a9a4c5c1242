from __future__ import annotations

from xml.etree import ElementTree as ET


class ElementBase:
    name = "stanza"
    namespace = "jabber:client"
    interfaces = {"type", "to", "from", "id"}
    plugin_tag_map: dict = {}

    def __init__(self, xml=None, parent=None):
        self.attrib = self  # LEAK
        self.parent = parent
        self.xml = xml
        self.plugins = {}
        self.setup(xml)

    def setup(self, xml=None):
        if self.xml is None:
            self.xml = ET.Element("{%s}%s" % (self.namespace, self.name))
            return True
        return False

    def __getitem__(self, key):
        if key in self.interfaces:
            return self.xml.attrib.get(key, "")
        return ""

    def __setitem__(self, key, value):
        if key in self.interfaces:
            self.xml.attrib[key] = value


class Message(ElementBase):
    name = "message"
    interfaces = {"type", "to", "from", "id", "body"}


def handle_incoming(xml):
    msg = Message(xml)
    return msg.attrib["from"], msg["body"]
