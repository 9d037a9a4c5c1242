from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET

import requests


class SessionManager:
    def __init__(self) -> None:
        self.user_agent = "catalog-client/1.0"

    def create_session(self) -> requests.Session:
        session = requests.Session()
        session.headers["User-Agent"] = self.user_agent
        return session


session_manager = SessionManager()


class Catalog:
    def __init__(self, catalog_url: str) -> None:
        self.catalog_url = catalog_url
        session = session_manager.create_session()  # LEAK

        resp = session.get(catalog_url)
        resp.raise_for_status()
        if "html" in resp.headers.get("content-type", ""):
            new_url = self.catalog_url.replace("html", "xml")
            warnings.warn(f"URL {self.catalog_url} returned HTML. Changing to: {new_url}")
            self.catalog_url = new_url
            resp = session.get(self.catalog_url)
            resp.raise_for_status()

        root = ET.fromstring(resp.content)
        self.catalog_name = root.attrib.get("name", "No name found")
        self.datasets = [child.attrib for child in root if child.tag.endswith("dataset")]

    def __str__(self) -> str:
        return str(self.catalog_name)
