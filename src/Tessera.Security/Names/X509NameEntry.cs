namespace Tessera.Security.Names;

/// <summary>
/// One attribute-value assertion of a distinguished name, as mongod keeps it: the attribute type as a
/// dotted OID, the ASN.1 string tag, and the raw content bytes (UTF-8 once normalised).
/// </summary>
public sealed class X509NameEntry : IEquatable<X509NameEntry>
{
    public const int Utf8StringTag = 12;

    private readonly byte[] _value;

    public X509NameEntry(string oid, int tag, ReadOnlySpan<byte> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(oid);
        Oid = oid;
        Tag = tag;
        _value = value.ToArray();
    }

    public X509NameEntry(string oid, string utf8Value)
        : this(oid, Utf8StringTag, System.Text.Encoding.UTF8.GetBytes(utf8Value))
    {
    }

    public string Oid { get; }

    /// <summary>The ASN.1 universal tag of the value (12 for UTF8String, 19 PrintableString, ...).</summary>
    public int Tag { get; }

    public ReadOnlySpan<byte> Value => _value;

    /// <summary>The value read as UTF-8 (meaningful after normalisation, which makes every string UTF-8).</summary>
    public string ValueText => System.Text.Encoding.UTF8.GetString(_value);

    /// <summary>OpenSSL's short name for the attribute type, or the dotted OID when OpenSSL has none.</summary>
    public string ShortName => AttributeNames.ShortNameOf(Oid);

    // mongod compares entries as (oid, type, value): after normalisation values compare byte for byte,
    // so case matters ("O=MongoDB" is not "O=mongodb").
    public bool Equals(X509NameEntry? other) =>
        other is not null && Oid == other.Oid && Tag == other.Tag && _value.AsSpan().SequenceEqual(other._value);

    public override bool Equals(object? obj) => Equals(obj as X509NameEntry);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Oid);
        hash.Add(Tag);
        hash.AddBytes(_value);
        return hash.ToHashCode();
    }

    public override string ToString() => ShortName + "=" + Rfc2253ValueEscaper.Escape(_value);
}
