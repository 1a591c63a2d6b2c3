namespace Tessera.Testing.Ocsp;

/// <summary>How <see cref="TestOcspResponder"/> answers every request.</summary>
public enum TestOcspAnswer
{
    Good,
    Revoked,
    Unknown,

    /// <summary>HTTP 200 with bytes that are no OCSP response.</summary>
    Garbage,

    /// <summary>Reads the request and never answers, until the client gives up or the responder stops.</summary>
    Hang,
}
