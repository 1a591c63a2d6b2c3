using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Tessera.Security.Tests.Names;

/// <summary>
/// Builds subject DER exactly as a test needs it (string types, multi-valued RDNs, encoded order) and real
/// certificates carrying it, so that the renderer is tested on what a TLS peer would actually present.
/// </summary>
internal sealed class NameDer
{
    private readonly List<List<(string Oid, UniversalTagNumber Tag, byte[] Value)>> _rdns = [];

    /// <summary>Adds a single-valued RDN, in encoded order (first added = first in the certificate).</summary>
    public NameDer Add(string oid, string value, UniversalTagNumber tag = UniversalTagNumber.UTF8String) =>
        AddMulti((oid, value, tag));

    public NameDer AddMulti(params (string Oid, string Value, UniversalTagNumber Tag)[] entries)
    {
        _rdns.Add(entries.Select(e => (e.Oid, e.Tag, Encode(e.Tag, e.Value))).ToList());
        return this;
    }

    public NameDer AddRaw(string oid, UniversalTagNumber tag, byte[] content)
    {
        _rdns.Add([(oid, tag, content)]);
        return this;
    }

    /// <summary>DER sorts the members of a multi-valued RDN; BER keeps the order they were added in.</summary>
    public byte[] Encode(AsnEncodingRules rules = AsnEncodingRules.DER)
    {
        var writer = new AsnWriter(rules);
        using (writer.PushSequence())
        {
            foreach (var rdn in _rdns)
            {
                using (writer.PushSetOf())
                {
                    foreach (var (oid, tag, value) in rdn)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(oid);
                            writer.WriteEncodedValue(Tlv((byte)tag, value));
                        }
                    }
                }
            }
        }

        return writer.Encode();
    }

    public X509Certificate2 Certificate(AsnEncodingRules rules = AsnEncodingRules.DER) =>
        CertificateWithSubject(Encode(rules));

    public static X509Certificate2 CertificateWithSubject(byte[] subjectDer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(subjectDer), key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    /// <summary>The certificate the spec's client.pem stands for: C, ST, L, O, OU, CN in encoded order.</summary>
    public static NameDer KernelClient(string organizationalUnit = "KernelUser") => new NameDer()
        .Add(Oids.C, "US", UniversalTagNumber.PrintableString)
        .Add(Oids.ST, "New York")
        .Add(Oids.L, "New York City")
        .Add(Oids.O, "MongoDB")
        .Add(Oids.OU, organizationalUnit)
        .Add(Oids.CN, "client");

    // AsnWriter will not write arbitrary bytes under a string tag, and tests need exactly that.
    private static byte[] Tlv(byte tag, byte[] content)
    {
        byte[] length = content.Length < 0x80
            ? [(byte)content.Length]
            : content.Length <= 0xFF ? [0x81, (byte)content.Length] : [0x82, (byte)(content.Length >> 8), (byte)content.Length];
        return [tag, .. length, .. content];
    }

    private static byte[] Encode(UniversalTagNumber tag, string value) => tag switch
    {
        UniversalTagNumber.BMPString => Encoding.BigEndianUnicode.GetBytes(value),
        UniversalTagNumber.UniversalString => new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(value),
        _ => Encoding.UTF8.GetBytes(value),
    };
}

internal static class Oids
{
    public const string CN = "2.5.4.3";
    public const string SN = "2.5.4.4";
    public const string SerialNumber = "2.5.4.5";
    public const string C = "2.5.4.6";
    public const string L = "2.5.4.7";
    public const string ST = "2.5.4.8";
    public const string O = "2.5.4.10";
    public const string OU = "2.5.4.11";
    public const string Title = "2.5.4.12";
    public const string GN = "2.5.4.42";
    public const string DC = "0.9.2342.19200300.100.1.25";
    public const string UID = "0.9.2342.19200300.100.1.1";
    public const string Email = "1.2.840.113549.1.9.1";
}
