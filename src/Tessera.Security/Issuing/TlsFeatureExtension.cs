using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Issuing;

/// <summary>
/// The TLS feature extension of RFC 7633 with the status_request feature, known as OCSP must-staple:
/// a client that honours it rejects a handshake whose server does not staple an OCSP response.
/// </summary>
public static class TlsFeatureExtension
{
    public const string Oid = "1.3.6.1.5.5.7.1.24";

    /// <summary>SEQUENCE { INTEGER 5 }: 5 is status_request, the TLS extension that carries a stapled response.</summary>
    private static readonly byte[] MustStapleValue = [0x30, 0x03, 0x02, 0x01, 0x05];

    /// <summary>Non-critical, as mongod's fixtures and public CAs issue it, so that unaware clients still connect.</summary>
    public static X509Extension CreateMustStaple() => new(Oid, MustStapleValue, critical: false);

    public static bool IsMustStaple(X509Extension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return extension.Oid?.Value == Oid && extension.RawData.AsSpan().SequenceEqual(MustStapleValue);
    }
}
