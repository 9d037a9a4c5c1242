from __future__ import annotations

from functools import lru_cache

import jwt
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePublicKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey


class InvalidAlgorithmError(Exception):
    pass


class JWTAuthVerifier:
    """Verifies a JWT."""

    def __init__(self, public_key_retriever, **kwargs) -> None:
        self.public_key_retriever = public_key_retriever
        self.algorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"]
        self.subject_should_match_issuer = kwargs.get("subject_should_match_issuer", True)

    @lru_cache(maxsize=10)  # LEAK
    def _load_public_key(self, public_key, algorithm):
        if isinstance(public_key, (RSAPublicKey, EllipticCurvePublicKey)):
            return public_key
        if algorithm not in self.algorithms:
            raise InvalidAlgorithmError("The specified alg value is not allowed")
        py_jws = jwt.api_jws.PyJWS(algorithms=self.algorithms)
        alg_obj = py_jws._algorithms[algorithm]
        return alg_obj.prepare_key(public_key)
