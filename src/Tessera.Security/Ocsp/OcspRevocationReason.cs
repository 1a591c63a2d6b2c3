namespace Tessera.Security.Ocsp;

/// <summary>CRLReason (RFC 5280 §5.3.1), as a revoked OCSP answer may carry it. 7 is unused by the RFC.</summary>
public enum OcspRevocationReason
{
    Unspecified = 0,
    KeyCompromise = 1,
    CaCompromise = 2,
    AffiliationChanged = 3,
    Superseded = 4,
    CessationOfOperation = 5,
    CertificateHold = 6,
    RemoveFromCrl = 8,
    PrivilegeWithdrawn = 9,
    AaCompromise = 10,
}
