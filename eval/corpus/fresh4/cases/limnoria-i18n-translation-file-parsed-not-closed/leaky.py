from __future__ import annotations

import os

currentLocale = "en"
i18nClasses: dict = {}


class PluginNotFound(Exception):
    pass


def getLocalePath(name, localeName, extension):
    base = os.path.join(os.path.dirname(__file__), "locales") if name == "supybot" else name
    return os.path.join(base, "%s.%s" % (localeName, extension))


class _PluginInternationalization:
    def __init__(self, name="supybot"):
        self.name = name
        self.translations = {}
        self.currentLocaleName = None
        i18nClasses.update({name: self})
        self.loadLocale()

    def loadLocale(self, localeName=None):
        """(Re)load the locale used by this class."""
        self.translations = {}
        if localeName is None:
            localeName = currentLocale
        self.currentLocaleName = localeName
        try:
            translationFile = open(getLocalePath(self.name, localeName, "po"), "r")  # LEAK
            self._parse(translationFile)
        except (IOError, PluginNotFound):  # the translation is unavailable
            pass

    def _parse(self, translationFile):
        """A .po file parser: give it a file object."""
        untranslated = None
        for line in translationFile:
            line = line.strip()
            if line.startswith("msgid "):
                untranslated = line[len("msgid "):].strip('"')
            elif line.startswith("msgstr ") and untranslated:
                self.translations[untranslated] = line[len("msgstr "):].strip('"')
                untranslated = None

    def __call__(self, untranslated):
        return self.translations.get(untranslated, untranslated)
