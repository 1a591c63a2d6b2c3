using System.Net;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Issuing;

public class CertificateProfileTests
{
    [Fact]
    public void Root_ca_is_a_critical_CA_with_certificate_and_CRL_signing_and_no_EKU()
    {
        using var ca = TestPki.RootCa();

        var basic = TestPki.Extension<X509BasicConstraintsExtension>(ca);
        Assert.True(basic.CertificateAuthority);
        Assert.True(basic.Critical);
        Assert.False(basic.HasPathLengthConstraint);

        var keyUsage = TestPki.Extension<X509KeyUsageExtension>(ca);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, keyUsage.KeyUsages);
        Assert.True(keyUsage.Critical);

        Assert.Empty(TestPki.ExtendedKeyUsages(ca));
        Assert.Equal(ca.SubjectName.RawData, ca.IssuerName.RawData);

        // A root's AKI names its own key.
        var ski = TestPki.Extension<X509SubjectKeyIdentifierExtension>(ca);
        var aki = TestPki.Extension<X509AuthorityKeyIdentifierExtension>(ca);
        Assert.Equal(ski.SubjectKeyIdentifierBytes.ToArray(), aki.KeyIdentifier!.Value.ToArray());
        Assert.True(ca.HasPrivateKey);
    }

    [Fact]
    public void Intermediate_ca_is_signed_by_its_parent_and_names_the_parent_key()
    {
        using var root = TestPki.RootCa();
        using var intermediate = TestPki.Issue(root, CertificateProfile.Ca, "CN=Tessera Intermediate CA,O=Tessera");

        Assert.True(TestPki.Extension<X509BasicConstraintsExtension>(intermediate).CertificateAuthority);
        Assert.Equal(root.SubjectName.RawData, intermediate.IssuerName.RawData);
        AssertAuthorityKeyIdentifierLinks(intermediate, root);
    }

    [Fact]
    public void Server_is_serverAuth_only_with_signature_and_encipherment_and_SAN_from_hosts()
    {
        using var ca = TestPki.RootCa();
        using var server = TestPki.Issue(ca, CertificateProfile.Server, "CN=localhost,OU=Server,O=MongoDB", r => r with
        {
            Hosts = ["localhost", "db.example.com", "127.0.0.1", "::1", "[2001:db8::5]"],
        });

        var basic = TestPki.Extension<X509BasicConstraintsExtension>(server);
        Assert.False(basic.CertificateAuthority);

        var keyUsage = TestPki.Extension<X509KeyUsageExtension>(server);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, keyUsage.KeyUsages);
        Assert.True(keyUsage.Critical);

        Assert.Equal([ExtendedKeyUsageOids.ServerAuth], TestPki.ExtendedKeyUsages(server));

        var san = TestPki.Extension<X509SubjectAlternativeNameExtension>(server);
        Assert.False(san.Critical);
        Assert.Equal(["localhost", "db.example.com"], san.EnumerateDnsNames());
        Assert.Equal(
            [IPAddress.Parse("127.0.0.1"), IPAddress.Parse("::1"), IPAddress.Parse("2001:db8::5")],
            san.EnumerateIPAddresses());

        AssertAuthorityKeyIdentifierLinks(server, ca);
    }

    [Fact]
    public void Member_on_ECDSA_key_has_both_purposes_and_key_agreement()
    {
        using var ca = TestPki.RootCa();
        using var member = TestPki.Issue(ca, CertificateProfile.Member, "CN=member1,OU=Server,O=MongoDB", r => r with
        {
            Hosts = ["member1.example", "10.0.0.7"],
        });

        Assert.False(TestPki.Extension<X509BasicConstraintsExtension>(member).CertificateAuthority);
        var keyUsage = TestPki.Extension<X509KeyUsageExtension>(member);
        Assert.Equal(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement,
            keyUsage.KeyUsages);
        Assert.True(keyUsage.Critical);
        Assert.Equal([ExtendedKeyUsageOids.ServerAuth, ExtendedKeyUsageOids.ClientAuth], TestPki.ExtendedKeyUsages(member));

        var san = TestPki.Extension<X509SubjectAlternativeNameExtension>(member);
        Assert.Equal(["member1.example"], san.EnumerateDnsNames());
        Assert.Equal([IPAddress.Parse("10.0.0.7")], san.EnumerateIPAddresses());
        AssertAuthorityKeyIdentifierLinks(member, ca);
    }

    [Fact]
    public void Member_on_RSA_key_has_no_key_agreement()
    {
        using var ca = TestPki.RootCa();
        using var member = TestPki.Issue(ca, CertificateProfile.Member, "CN=member1,O=MongoDB", r => r with
        {
            KeyAlgorithm = KeyAlgorithm.Rsa2048,
        });

        Assert.Equal(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
            TestPki.Extension<X509KeyUsageExtension>(member).KeyUsages);
    }

    [Fact]
    public void Client_is_clientAuth_with_digital_signature_only_and_no_SAN()
    {
        using var ca = TestPki.RootCa();
        using var client = TestPki.Issue(ca, CertificateProfile.Client, "CN=alice,OU=Clients,O=Acme");

        Assert.False(TestPki.Extension<X509BasicConstraintsExtension>(client).CertificateAuthority);
        var keyUsage = TestPki.Extension<X509KeyUsageExtension>(client);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, keyUsage.KeyUsages);
        Assert.True(keyUsage.Critical);
        Assert.Equal([ExtendedKeyUsageOids.ClientAuth], TestPki.ExtendedKeyUsages(client));
        Assert.Empty(client.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        AssertAuthorityKeyIdentifierLinks(client, ca);
    }

    [Fact]
    public void Client_with_email_gets_an_email_only_SAN()
    {
        using var ca = TestPki.RootCa();
        using var client = TestPki.Issue(ca, CertificateProfile.Client, "CN=alice,O=Acme", r => r with { Email = "alice@example.com" });

        var san = TestPki.Extension<X509SubjectAlternativeNameExtension>(client);
        Assert.Empty(san.EnumerateDnsNames());
        Assert.Equal("alice@example.com", client.GetNameInfo(X509NameType.EmailName, forIssuer: false));
    }

    [Fact]
    public void Overrides_remove_EKU_and_KU_and_SAN()
    {
        using var ca = TestPki.RootCa();
        using var bare = TestPki.Issue(ca, CertificateProfile.Server, "CN=bare", r => r with
        {
            Hosts = ["localhost"],
            ExtendedKeyUsageOverride = [],
            KeyUsageOverride = X509KeyUsageFlags.None,
            OmitSubjectAlternativeName = true,
        });

        Assert.Empty(bare.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Empty(bare.Extensions.OfType<X509KeyUsageExtension>());
        Assert.Empty(bare.Extensions.OfType<X509SubjectAlternativeNameExtension>());
    }

    [Fact]
    public void Overrides_replace_EKU_and_KU()
    {
        using var ca = TestPki.RootCa();
        using var wrong = TestPki.Issue(ca, CertificateProfile.Client, "CN=wrong", r => r with
        {
            ExtendedKeyUsageOverride = [ExtendedKeyUsageOids.ServerAuth],
            KeyUsageOverride = X509KeyUsageFlags.NonRepudiation,
        });

        Assert.Equal([ExtendedKeyUsageOids.ServerAuth], TestPki.ExtendedKeyUsages(wrong));
        Assert.Equal(X509KeyUsageFlags.NonRepudiation, TestPki.Extension<X509KeyUsageExtension>(wrong).KeyUsages);
    }

    [Fact]
    public void Empty_subject_makes_the_SAN_critical()
    {
        using var ca = TestPki.RootCa();
        using var server = TestPki.Issue(ca, CertificateProfile.Server, "", r => r with { Hosts = ["localhost"] });

        Assert.Equal([0x30, 0x00], server.SubjectName.RawData);
        Assert.True(TestPki.Extension<X509SubjectAlternativeNameExtension>(server).Critical);
    }

    [Fact]
    public void Multi_valued_RDN_subject_is_kept_byte_for_byte()
    {
        var subject = MultiValuedRdnSubject();
        using var ca = TestPki.RootCa();
        using var client = new CertificateIssuer().Issue(
            new IssueRequest { Profile = CertificateProfile.Client, Subject = subject }, ca);

        Assert.Equal(subject.RawData, client.SubjectName.RawData);

        // openssl reads it as one RDN with two attributes ("+"), then the second RDN; its RFC 2253 output
        // reverses the RDNs and, within the multi-valued one, the attributes.
        using var directory = new TemporaryDirectory();
        CertificateFileWriter.WriteCertificate(directory.File("client.pem"), client);
        var text = OpenSsl.Run("x509", "-in", directory.File("client.pem"), "-noout", "-subject", "-nameopt", "RFC2253");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("subject=O=Acme,OU=Clients+CN=alice", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Serial_numbers_are_positive_16_bytes_and_unique()
    {
        using var ca = TestPki.RootCa();
        using var first = TestPki.Issue(ca, CertificateProfile.Client, "CN=a");
        using var second = TestPki.Issue(ca, CertificateProfile.Client, "CN=a");

        foreach (var certificate in new[] { ca, first, second })
        {
            var serial = certificate.SerialNumberBytes.ToArray();
            Assert.Equal(16, serial.Length);
            Assert.True(serial[0] is > 0 and < 0x80, "the serial must be positive with no leading zero byte");
        }

        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
        Assert.NotEqual(ca.SerialNumber, first.SerialNumber);
    }

    [Theory]
    [InlineData(KeyAlgorithm.EcdsaP256, "1.2.840.10045.4.3.2")]   // ecdsa-with-SHA256
    [InlineData(KeyAlgorithm.Rsa2048, "1.2.840.113549.1.1.11")]   // sha256WithRSAEncryption
    public void Signature_is_SHA256_with_the_issuer_key_type(KeyAlgorithm caKey, string signatureOid)
    {
        using var ca = TestPki.RootCa(caKey);
        using var leaf = TestPki.Issue(ca, CertificateProfile.Client, "CN=a");

        Assert.Equal(signatureOid, ca.SignatureAlgorithm.Value);
        Assert.Equal(signatureOid, leaf.SignatureAlgorithm.Value);
    }

    [Fact]
    public void Issuer_without_private_key_is_refused_with_a_clear_message()
    {
        using var ca = TestPki.RootCa();
        using var publicOnly = X509CertificateLoader.LoadCertificate(ca.RawData);

        var error = Assert.Throws<ArgumentException>(() => TestPki.Issue(publicOnly, CertificateProfile.Client, "CN=a"));
        Assert.Contains("no private key", error.Message, StringComparison.Ordinal);
    }

    private static void AssertAuthorityKeyIdentifierLinks(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var ski = TestPki.Extension<X509SubjectKeyIdentifierExtension>(certificate);
        var aki = TestPki.Extension<X509AuthorityKeyIdentifierExtension>(certificate);
        var issuerSki = TestPki.Extension<X509SubjectKeyIdentifierExtension>(issuer);

        Assert.False(ski.Critical);
        Assert.False(aki.Critical);
        Assert.Equal(issuerSki.SubjectKeyIdentifierBytes.ToArray(), aki.KeyIdentifier!.Value.ToArray());
        Assert.NotEqual(ski.SubjectKeyIdentifierBytes.ToArray(), aki.KeyIdentifier!.Value.ToArray());

        // The SKI is the SHA-1 of the subject public key (RFC 5280 §4.2.1.2 method 1).
        var expected = new X509SubjectKeyIdentifierExtension(certificate.PublicKey, critical: false);
        Assert.Equal(expected.SubjectKeyIdentifierBytes.ToArray(), ski.SubjectKeyIdentifierBytes.ToArray());
    }

    /// <summary>CN=alice+OU=Clients / O=Acme in DER order (openssl's RFC 2253 output reverses it).</summary>
    private static X500DistinguishedName MultiValuedRdnSubject()
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSetOf())
            {
                WriteAttribute(writer, "2.5.4.3", "alice");
                WriteAttribute(writer, "2.5.4.11", "Clients");
            }

            using (writer.PushSetOf())
            {
                WriteAttribute(writer, "2.5.4.10", "Acme");
            }
        }

        return new X500DistinguishedName(writer.Encode());
    }

    private static void WriteAttribute(System.Formats.Asn1.AsnWriter writer, string oid, string value)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            writer.WriteCharacterString(System.Formats.Asn1.UniversalTagNumber.UTF8String, value);
        }
    }
}
