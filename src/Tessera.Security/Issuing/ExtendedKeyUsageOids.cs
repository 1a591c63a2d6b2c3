namespace Tessera.Security.Issuing;

/// <summary>The extended key usage purposes a MongoDB deployment uses (RFC 5280 §4.2.1.12).</summary>
public static class ExtendedKeyUsageOids
{
    /// <summary>id-kp-serverAuth: required of a certificate presented by a TLS server.</summary>
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    /// <summary>id-kp-clientAuth: required of a certificate presented by a TLS client.</summary>
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>id-kp-OCSPSigning: marks a delegated OCSP responder certificate.</summary>
    public const string OcspSigning = "1.3.6.1.5.5.7.3.9";
}
