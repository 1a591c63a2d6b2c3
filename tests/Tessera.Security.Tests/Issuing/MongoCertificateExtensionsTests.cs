using Tessera.Security.Certificates;
using Tessera.Security.Issuing;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Issuing;

public class MongoCertificateExtensionsTests
{
    [Fact]
    public void Roles_round_trip_through_a_certificate()
    {
        MongoRole[] roles = [new("backup", "admin"), new("readAnyDatabase", "admin"), new("rôle", "тест")];
        using var ca = TestPki.RootCa();
        using var client = TestPki.Issue(ca, CertificateProfile.Client, "CN=Kernel Client Peer Role,OU=Kernel Users,O=MongoDB", r => r with
        {
            MongoRoles = roles,
        });

        var extension = TestPki.Extension(client, MongoCertificateExtensions.MongoRolesOid);
        Assert.NotNull(extension);
        Assert.False(extension.Critical);

        // DER sorts a SET OF, so compare as sets; mongod does not depend on the order either.
        var decoded = MongoCertificateExtensions.ReadMongoRoles(client);
        Assert.NotNull(decoded);
        Assert.Equal(roles.OrderBy(r => r.Role, StringComparer.Ordinal), decoded.OrderBy(r => r.Role, StringComparer.Ordinal));
        Assert.Null(MongoCertificateExtensions.ReadClusterMembership(client));
    }

    [Fact]
    public void Membership_round_trips_through_a_certificate()
    {
        using var ca = TestPki.RootCa();
        using var member = TestPki.Issue(ca, CertificateProfile.Member, "CN=server,OU=Kernel,O=MongoDB", r => r with
        {
            ClusterMembership = "foo",
        });

        var extension = TestPki.Extension(member, MongoCertificateExtensions.ClusterMembershipOid);
        Assert.NotNull(extension);
        Assert.False(extension.Critical);
        Assert.Equal([0x0C, 0x03, (byte)'f', (byte)'o', (byte)'o'], extension.RawData);
        Assert.Equal("foo", MongoCertificateExtensions.ReadClusterMembership(member));
        Assert.Null(MongoCertificateExtensions.ReadMongoRoles(member));
    }

    [Fact]
    public void Roles_encode_as_a_SET_OF_SEQUENCE_of_two_UTF8Strings()
    {
        var der = MongoCertificateExtensions.EncodeMongoRoles([new("r", "d")]);

        Assert.Equal([0x31, 0x08, 0x30, 0x06, 0x0C, 0x01, (byte)'r', 0x0C, 0x01, (byte)'d'], der);
    }

    [Fact]
    public void Empty_role_list_is_an_empty_SET()
    {
        Assert.Equal([0x31, 0x00], MongoCertificateExtensions.EncodeMongoRoles([]));
        Assert.Empty(MongoCertificateExtensions.DecodeMongoRoles(new byte[] { 0x31, 0x00 }));
    }

    [Fact]
    public void Unsorted_SET_is_accepted_as_mongod_does()
    {
        // SET { SEQ{"b","d"}, SEQ{"a","d"} }: not in DER order, but mongod's reader does not check order.
        byte[] der = [0x31, 0x10, 0x30, 0x06, 0x0C, 0x01, (byte)'b', 0x0C, 0x01, (byte)'d', 0x30, 0x06, 0x0C, 0x01, (byte)'a', 0x0C, 0x01, (byte)'d'];

        Assert.Equal([new MongoRole("b", "d"), new MongoRole("a", "d")], MongoCertificateExtensions.DecodeMongoRoles(der));
    }

    [Theory]
    [InlineData("30060C01720C0164", "Unexpected DER Tag, Got 16, Expected SET")]        // SEQUENCE where the SET belongs
    [InlineData("0403616263", "Unknown DER tag 4")]                                           // an OCTET STRING
    [InlineData("A1020500", "Unsupported tag class")]                                          // context-specific [1]
    [InlineData("310A3006", "Invalid DER length")]                                             // truncated
    [InlineData("31", "Invalid DER length")]                                                   // only a tag
    [InlineData("310830061301720C0164", "Unknown DER tag 19")]                          // PrintableString role (mongod wants UTF8String)
    [InlineData("310530030C0172", "missing the role's database")]                              // SEQUENCE with only a role
    [InlineData("310B30090C01720C01640C0178", "unexpected data after the end of the value")]  // SEQUENCE with three strings
    [InlineData("31003100", "unexpected data after the end of the value")]                     // two SETs
    [InlineData("110830060C01720C0164", "constructed DER encoding")]                           // SET tag with the primitive bit
    [InlineData("310530030C01FF", "not valid UTF-8")]
    public void Malformed_roles_are_rejected_naming_the_extension_and_the_problem(string hex, string problem)
    {
        var error = Assert.Throws<MalformedMongoExtensionException>(
            () => MongoCertificateExtensions.DecodeMongoRoles(Convert.FromHexString(hex)));

        Assert.Contains("mongoRoles", error.Message, StringComparison.Ordinal);
        Assert.Contains(MongoCertificateExtensions.MongoRolesOid, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(MongoCertificateExtensions.MongoRolesOid, error.ExtensionOid);
    }

    [Theory]
    [InlineData("1303666F6F", "Unknown DER tag 19")]                          // PrintableString
    [InlineData("0C05666F6F", "Invalid DER length")]                          // truncated
    [InlineData("31050C03666F6F", "Unexpected DER Tag, Got 17, Expected UTF8String")]
    [InlineData("0C03666F6F00", "unexpected data after the end of the value")]
    [InlineData("", "missing the membership value")]
    public void Malformed_membership_is_rejected_naming_the_extension_and_the_problem(string hex, string problem)
    {
        var error = Assert.Throws<MalformedMongoExtensionException>(
            () => MongoCertificateExtensions.DecodeClusterMembership(Convert.FromHexString(hex)));

        Assert.Contains("mongoClusterMembership", error.Message, StringComparison.Ordinal);
        Assert.Contains(MongoCertificateExtensions.ClusterMembershipOid, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_with_the_extensions_still_verifies_with_openssl()
    {
        using var directory = new TemporaryDirectory();
        using var ca = TestPki.RootCa();
        using var client = TestPki.Issue(ca, CertificateProfile.Client, "CN=roles", r => r with
        {
            MongoRoles = [new("readAnyDatabase", "admin")],
            ClusterMembership = "bar",
        });
        CertificateFileWriter.WriteCertificate(directory.File("ca.pem"), ca);
        CertificateFileWriter.WriteCertificate(directory.File("client.pem"), client);

        var result = OpenSsl.Run("verify", "-CAfile", directory.File("ca.pem"), directory.File("client.pem"));
        var text = OpenSsl.Run("x509", "-in", directory.File("client.pem"), "-noout", "-text");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1.3.6.1.4.1.34601.2.1.1:", text.Output, StringComparison.Ordinal);
        Assert.Contains("1.3.6.1.4.1.34601.2.1.2:", text.Output, StringComparison.Ordinal);
    }
}
