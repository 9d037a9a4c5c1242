from __future__ import annotations

from functools import lru_cache

import jwt
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePublicKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey


class InvalidAlgorithmError(Exception):
    pass


@lru_cache(maxsize=10)
def _load_public_key(algorithms, public_key, algorithm):
    """Extracted out of JWTAuthVerifier so the cache holds no verifier."""
    if isinstance(public_key, (RSAPublicKey, EllipticCurvePublicKey)):
        return public_key
    if algorithm not in algorithms:
        raise InvalidAlgorithmError("The specified alg value is not allowed")
    py_jws = jwt.api_jws.PyJWS(algorithms=algorithms)
    alg_obj = py_jws._algorithms[algorithm]
    return alg_obj.prepare_key(public_key)


class JWTAuthVerifier:
    """Verifies a JWT."""

    def __init__(self, public_key_retriever, **kwargs) -> None:
        self.public_key_retriever = public_key_retriever
        self.algorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"]
        self.subject_should_match_issuer = kwargs.get("subject_should_match_issuer", True)

    def _load_public_key(self, public_key, algorithm):
        return _load_public_key(tuple(self.algorithms), public_key, algorithm)
