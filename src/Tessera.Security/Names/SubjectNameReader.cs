using System.Formats.Asn1;

namespace Tessera.Security.Names;

/// <summary>
/// Reads a DER Name the way mongod's <c>convertX509ToSSLX509Name</c> walks OpenSSL's entries: from the
/// last to the first, so RDNs and the entries inside a multi-valued RDN both come out reversed.
/// Values keep their raw content bytes and tag; <see cref="X509Name.Normalize"/> prepares them.
/// </summary>
public static class SubjectNameReader
{
    public static X509Name Read(ReadOnlyMemory<byte> der)
    {
        try
        {
            // BER so that a SET whose members are not in DER order still reads in encoded order.
            var name = new AsnReader(der, AsnEncodingRules.BER);
            var sequence = name.ReadSequence();
            name.ThrowIfNotEmpty();
            var rdns = new List<List<X509NameEntry>>();
            while (sequence.HasData)
            {
                var set = sequence.ReadSetOf(skipSortOrderValidation: true);
                var rdn = new List<X509NameEntry>();
                while (set.HasData)
                {
                    var attribute = set.ReadSequence();
                    var oid = attribute.ReadObjectIdentifier();
                    var tag = attribute.PeekTag();
                    var content = attribute.ReadEncodedValue();
                    _ = AsnDecoder.ReadEncodedValue(content.Span, AsnEncodingRules.BER, out var offset, out var length, out _);
                    rdn.Add(new X509NameEntry(oid, tag.TagValue, content.Span.Slice(offset, length)));
                }

                rdn.Reverse();
                rdns.Add(rdn);
            }

            rdns.Reverse();
            return new X509Name(rdns);
        }
        catch (AsnContentException e)
        {
            throw new FormatException("Unable to parse certificate subject name: " + e.Message, e);
        }
    }
}
