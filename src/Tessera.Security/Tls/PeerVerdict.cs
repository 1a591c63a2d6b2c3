namespace Tessera.Security.Tls;

/// <summary>Why a peer certificate was refused; each maps to the TLS alert that names it best.</summary>
public enum PeerFailure
{
    None,
    NoCertificate,
    UnknownIssuer,
    Expired,
    NotYetValid,
    Revoked,
    RevocationListUnavailable,
    WrongPurpose,
    Other,
}

/// <summary>
/// The outcome of validating a peer certificate, with OpenSSL's wording for the reason (what mongod logs after
/// "SSL peer certificate validation failed: "), so operators recognise it.
/// </summary>
public sealed record PeerVerdict(PeerFailure Failure, string Reason)
{
    public static PeerVerdict Valid { get; } = new(PeerFailure.None, "ok");

    public bool IsValid => Failure == PeerFailure.None;
}
