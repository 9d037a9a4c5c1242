from __future__ import annotations

from functools import lru_cache

from ..verifier import JWTAuthVerifier


@lru_cache(maxsize=20)
def _get_verifier(settings):
    """Extracted out of Backend so the cache holds no backend."""
    retriever = settings.ASAP_KEY_RETRIEVER_CLASS(base_url=settings.ASAP_PUBLICKEY_REPOSITORY)
    kwargs = {}
    if settings.ASAP_SUBJECT_SHOULD_MATCH_ISSUER is not None:
        kwargs = {"subject_should_match_issuer": settings.ASAP_SUBJECT_SHOULD_MATCH_ISSUER}
    if settings.ASAP_CHECK_JTI_UNIQUENESS is not None:
        kwargs["check_jti_uniqueness"] = settings.ASAP_CHECK_JTI_UNIQUENESS
    return JWTAuthVerifier(retriever, **kwargs)


class Backend:
    """Abstract class representing a web framework backend."""

    def __init__(self, settings) -> None:
        self.settings = settings

    def get_verifier(self, settings=None):
        if settings is None:
            settings = self.settings
        return self._get_verifier(settings)

    def _get_verifier(self, settings):
        return _get_verifier(settings)
