namespace Tessera.Security.Ocsp;

/// <summary>Why an OCSP response was refused; each one means the response says nothing about the certificate.</summary>
public enum OcspVerificationFailure
{
    /// <summary>Not a DER OCSPResponse, or not a basic response.</summary>
    Malformed,

    /// <summary>responseStatus is not successful (malformedRequest, internalError, tryLater, sigRequired, unauthorized).</summary>
    Unsuccessful,

    /// <summary>No SingleResponse for the certificate's CertID.</summary>
    WrongCertificate,

    /// <summary>The signature does not verify with the responder's key.</summary>
    BadSignature,

    /// <summary>The signer is neither the issuer nor a delegate the issuer authorised for OCSP signing.</summary>
    UnauthorizedResponder,

    /// <summary>thisUpdate is in the future beyond the allowed clock skew.</summary>
    NotYetValid,

    /// <summary>nextUpdate has passed.</summary>
    Expired,

    /// <summary>The response carries a nonce other than the request's: a replayed or misrouted answer.</summary>
    NonceMismatch,
}
