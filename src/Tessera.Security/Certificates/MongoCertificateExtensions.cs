using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Tessera.Security.Certificates;

/// <summary>
/// MongoDB's private certificate extensions, encoded for the issuer and decoded for the server:
/// mongoRoles (roles granted by the certificate itself) and mongoClusterMembership (the value matched
/// by <c>net.tls.clusterAuthX509.extensionValue</c>).
/// </summary>
/// <remarks>
/// The decoder follows mongod's own DER reader (<c>DERToken::parse</c>), which understands only
/// universal-class INTEGER, UTF8String, SEQUENCE and SET: anything else is an error there, so it is
/// one here too, and the error names the extension and the problem in mongod's words.
/// </remarks>
public static class MongoCertificateExtensions
{
    /// <summary>mongoRoles: SET OF SEQUENCE { role UTF8String, db UTF8String }.</summary>
    public const string MongoRolesOid = "1.3.6.1.4.1.34601.2.1.1";

    /// <summary>mongoClusterMembership: the extension value is a DER UTF8String.</summary>
    public const string ClusterMembershipOid = "1.3.6.1.4.1.34601.2.1.2";

    private const string MongoRolesName = "mongoRoles";
    private const string ClusterMembershipName = "mongoClusterMembership";

    // mongod reads these extensions but does not register them with OpenSSL: marked critical, OpenSSL
    // would reject the whole certificate as having an unhandled critical extension.
    private const bool Critical = false;

    public static X509Extension CreateMongoRoles(IEnumerable<MongoRole> roles) =>
        new(MongoRolesOid, EncodeMongoRoles(roles), Critical);

    public static X509Extension CreateClusterMembership(string value) =>
        new(ClusterMembershipOid, EncodeClusterMembership(value), Critical);

    public static byte[] EncodeMongoRoles(IEnumerable<MongoRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            foreach (var role in roles)
            {
                ArgumentNullException.ThrowIfNull(role.Role, nameof(roles));
                ArgumentNullException.ThrowIfNull(role.Db, nameof(roles));
                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, role.Role);
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, role.Db);
                }
            }
        }

        return writer.Encode();
    }

    public static byte[] EncodeClusterMembership(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
        return writer.Encode();
    }

    /// <summary>Decodes a mongoRoles extension value, in the order the roles appear.</summary>
    /// <exception cref="MalformedMongoExtensionException">The DER is not what mongod accepts.</exception>
    public static IReadOnlyList<MongoRole> DecodeMongoRoles(ReadOnlyMemory<byte> extensionValue)
    {
        var der = new MongoDerReader(MongoRolesName, MongoRolesOid);
        var reader = new AsnReader(extensionValue, AsnEncodingRules.DER);

        // mongod does not check DER's sort order of SET OF, so neither does Tessera.
        var set = der.Enter(reader, UniversalTagNumber.SetOf, r => r.ReadSetOf(skipSortOrderValidation: true));
        der.ExpectEnd(reader);

        var roles = new List<MongoRole>();
        while (set.HasData)
        {
            var sequence = der.Enter(set, UniversalTagNumber.Sequence, r => r.ReadSequence());
            var role = der.ReadUtf8String(sequence, "the role name");
            var db = der.ReadUtf8String(sequence, "the role's database");
            der.ExpectEnd(sequence);
            roles.Add(new MongoRole(role, db));
        }

        return roles;
    }

    /// <summary>Decodes a mongoClusterMembership extension value.</summary>
    /// <exception cref="MalformedMongoExtensionException">The DER is not a single UTF8String.</exception>
    public static string DecodeClusterMembership(ReadOnlyMemory<byte> extensionValue)
    {
        var der = new MongoDerReader(ClusterMembershipName, ClusterMembershipOid);
        var reader = new AsnReader(extensionValue, AsnEncodingRules.DER);
        var value = der.ReadUtf8String(reader, "the membership value");
        der.ExpectEnd(reader);
        return value;
    }

    /// <summary>The certificate's mongoRoles, or null when it has no such extension.</summary>
    public static IReadOnlyList<MongoRole>? ReadMongoRoles(X509Certificate2 certificate) =>
        FindExtension(certificate, MongoRolesOid) is { } extension ? DecodeMongoRoles(extension.RawData) : null;

    /// <summary>The certificate's mongoClusterMembership value, or null when it has no such extension.</summary>
    public static string? ReadClusterMembership(X509Certificate2 certificate) =>
        FindExtension(certificate, ClusterMembershipOid) is { } extension ? DecodeClusterMembership(extension.RawData) : null;

    private static X509Extension? FindExtension(X509Certificate2 certificate, string oid)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.Extensions.FirstOrDefault(e => e.Oid?.Value == oid);
    }

    /// <summary>Reads DER the way mongod's <c>DERToken::parse</c> does, reporting errors against one extension.</summary>
    private readonly struct MongoDerReader(string extensionName, string extensionOid)
    {
        public T Enter<T>(AsnReader reader, UniversalTagNumber expected, Func<AsnReader, T> read)
        {
            ExpectTag(reader, expected);
            try
            {
                return read(reader);
            }
            catch (AsnContentException e)
            {
                throw Malformed("Invalid DER length", e);
            }
        }

        public string ReadUtf8String(AsnReader reader, string what)
        {
            if (!reader.HasData)
            {
                throw Malformed($"missing {what}: expected a UTF8String, found the end of the data");
            }

            ExpectTag(reader, UniversalTagNumber.UTF8String);
            try
            {
                return reader.ReadCharacterString(UniversalTagNumber.UTF8String);
            }
            catch (AsnContentException e) when (e.InnerException is DecoderFallbackException)
            {
                throw Malformed($"{what} is not valid UTF-8", e);
            }
            catch (AsnContentException e)
            {
                throw Malformed("Invalid DER length", e);
            }
        }

        public void ExpectEnd(AsnReader reader)
        {
            if (reader.HasData)
            {
                throw Malformed("unexpected data after the end of the value");
            }
        }

        private void ExpectTag(AsnReader reader, UniversalTagNumber expected)
        {
            Asn1Tag tag;
            try
            {
                tag = reader.PeekTag();
            }
            catch (AsnContentException e)
            {
                throw Malformed("Invalid DER length", e);
            }

            if (tag.TagClass != TagClass.Universal)
            {
                throw Malformed($"Unsupported tag class ({tag.TagClass})");
            }

            var number = (UniversalTagNumber)tag.TagValue;
            if (number is not (UniversalTagNumber.Integer or UniversalTagNumber.UTF8String
                or UniversalTagNumber.Sequence or UniversalTagNumber.SetOf))
            {
                throw Malformed($"Unknown DER tag {tag.TagValue}");
            }

            if (number != expected)
            {
                throw Malformed($"Unexpected DER Tag, Got {tag.TagValue}, Expected {Name(expected)}");
            }

            var constructed = expected is UniversalTagNumber.Sequence or UniversalTagNumber.SetOf;
            if (tag.IsConstructed != constructed)
            {
                throw Malformed($"a {Name(expected)} must use the {(constructed ? "constructed" : "primitive")} DER encoding");
            }
        }

        private MalformedMongoExtensionException Malformed(string problem, Exception? inner = null) =>
            new(extensionName, extensionOid, problem, inner);

        private static string Name(UniversalTagNumber tag) => tag switch
        {
            UniversalTagNumber.SetOf => "SET",
            UniversalTagNumber.Sequence => "SEQUENCE",
            UniversalTagNumber.UTF8String => "UTF8String",
            _ => "INTEGER",
        };
    }
}
