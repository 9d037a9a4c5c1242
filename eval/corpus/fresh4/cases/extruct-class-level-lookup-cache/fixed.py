from __future__ import annotations

from lxml.html import HTMLParser, HtmlElementClassLookup


class DomHtmlMixin:
    """xml.dom-style accessors mixed into lxml's element classes."""

    @property
    def nodeName(self):
        return self.tag

    def getAttribute(self, name):
        return self.get(name)


class DomHtmlElementClassLookup(HtmlElementClassLookup):
    def __init__(self):
        super().__init__()
        # one table per parser: it goes away with the parser and its documents
        self._lookups = {}

    def lookup(self, node_type, document, namespace, name):
        key = (node_type, document, namespace, name)
        found = self._lookups.get(key)
        if found is None:
            base = super().lookup(node_type, document, namespace, name)
            found = type("Dom" + base.__name__, (base, DomHtmlMixin), {})
            self._lookups[key] = found
        return found


class XmlDomHTMLParser(HTMLParser):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.set_element_class_lookup(DomHtmlElementClassLookup())
