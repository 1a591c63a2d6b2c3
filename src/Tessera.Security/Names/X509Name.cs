using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Names;

/// <summary>
/// A distinguished name as mongod's <c>SSLX509Name</c> holds it: RDNs in output (RFC 2253) order, each a
/// list of entries. <see cref="ToString"/> is the exact string mongod uses as the <c>$external</c> user name.
/// </summary>
public sealed class X509Name : IEquatable<X509Name>
{
    private static readonly HashSet<int> PreparedStringTags = [4, 12, 19, 20, 22, 28, 30];

    public X509Name(IEnumerable<IEnumerable<X509NameEntry>> rdns)
    {
        Rdns = rdns.Select(rdn => (IReadOnlyList<X509NameEntry>)rdn.ToArray()).ToArray();
    }

    /// <summary>RDNs in output order: the most specific (e.g. CN) first.</summary>
    public IReadOnlyList<IReadOnlyList<X509NameEntry>> Rdns { get; }

    public bool IsEmpty => Rdns.Count == 0;

    public IEnumerable<X509NameEntry> Entries => Rdns.SelectMany(rdn => rdn);

    /// <summary>The normalised subject of a certificate: what mongod compares and prints.</summary>
    public static X509Name FromCertificateSubject(X509Certificate2 certificate) =>
        SubjectNameReader.Read(certificate.SubjectName.RawData).Normalize();

    /// <summary>The normalised issuer of a certificate.</summary>
    public static X509Name FromCertificateIssuer(X509Certificate2 certificate) =>
        SubjectNameReader.Read(certificate.IssuerName.RawData).Normalize();

    /// <summary>
    /// A name as mongod renders it, for messages and logs: .NET's own rendering when the name cannot be read or
    /// prepared, so that describing a bad certificate never fails.
    /// </summary>
    public static string Describe(X500DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return SubjectNameReader.Read(name.RawData).Normalize().ToString();
        }
        catch (Exception e) when (e is NameNormalizationException or FormatException)
        {
            return name.Name;
        }
    }

    /// <summary>mongod's <c>normalizeStrings()</c>: every string value through RFC 4518 preparation, as UTF-8.</summary>
    public X509Name Normalize() => new(Rdns.Select(rdn => rdn.Select(NormalizeEntry)));

    /// <summary>
    /// mongod's <c>contains</c>: every RDN of <paramref name="other"/> appears as a whole RDN here.
    /// RDN order does not matter; the order of entries inside a multi-valued RDN does.
    /// </summary>
    public bool Contains(X509Name other) =>
        other.Rdns.All(wanted => Rdns.Any(rdn => rdn.SequenceEqual(wanted)));

    /// <summary>mongod's <c>filterClusterDN</c>: keeps only entries of the given types, dropping empty RDNs.</summary>
    public X509Name Filter(IReadOnlyCollection<string> oids) =>
        new(Rdns.Select(rdn => rdn.Where(e => oids.Contains(e.Oid)).ToArray()).Where(rdn => rdn.Length > 0));

    /// <summary>The values of one attribute type, in output order.</summary>
    public IEnumerable<string> ValuesOf(string oid) => Entries.Where(e => e.Oid == oid).Select(e => e.ValueText);

    /// <summary>Encodes this name as DER (RDNs in encoded order, the reverse of the output order).</summary>
    public X500DistinguishedName ToX500DistinguishedName()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var rdn in Rdns.Reverse())
            {
                using (writer.PushSetOf())
                {
                    foreach (var entry in rdn.Reverse())
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(entry.Oid);
                            writer.WriteCharacterString(UniversalTagNumber.UTF8String, entry.ValueText);
                        }
                    }
                }
            }
        }

        return new X500DistinguishedName(writer.Encode());
    }

    public bool Equals(X509Name? other) =>
        other is not null && Rdns.Count == other.Rdns.Count
        && Rdns.Zip(other.Rdns).All(pair => pair.First.SequenceEqual(pair.Second));

    public override bool Equals(object? obj) => Equals(obj as X509Name);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entry in Entries)
        {
            hash.Add(entry);
        }

        return hash.ToHashCode();
    }

    /// <summary>mongod's rendering: "," between RDNs, "+" inside one, short name "=" escaped value.</summary>
    public override string ToString() =>
        string.Join(",", Rdns.Select(rdn => string.Join("+", rdn.Select(e => e.ToString()))));

    private static X509NameEntry NormalizeEntry(X509NameEntry entry)
    {
        if (!PreparedStringTags.Contains(entry.Tag))
        {
            return entry; // e.g. NumericString: mongod leaves it as it is.
        }

        return entry.Value.IsEmpty
            ? new X509NameEntry(entry.Oid, X509NameEntry.Utf8StringTag, [])
            : new X509NameEntry(entry.Oid, X509NameEntry.Utf8StringTag, Rfc4518StringPreparation.Prepare(entry.Value));
    }
}
