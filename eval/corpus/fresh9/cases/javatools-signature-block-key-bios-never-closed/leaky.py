from __future__ import annotations

from typing import List, Optional

from M2Crypto import BIO, SMIME, X509


def create_signature_block(
    openssl_digest: str,
    certificate: str,
    private_key: str,
    extra_certs: Optional[List[str]],
    data: bytes,
) -> bytes:
    """Sign data the way jarsigner does and return the signature block."""
    smime = SMIME.SMIME()
    smime.load_key_bio(BIO.openfile(private_key), BIO.openfile(certificate))  # LEAK

    if extra_certs is not None:
        stack = X509.X509_Stack()
        for cert in extra_certs:
            stack.push(X509.load_cert(cert))
        smime.set_x509_stack(stack)

    pkcs7 = smime.sign(
        BIO.MemoryBuffer(data),
        algo=openssl_digest,
        flags=(SMIME.PKCS7_BINARY | SMIME.PKCS7_DETACHED | SMIME.PKCS7_NOATTR),
    )
    tmp = BIO.MemoryBuffer()
    pkcs7.write_der(tmp)
    return tmp.read()
