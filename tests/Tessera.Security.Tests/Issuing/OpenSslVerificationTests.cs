using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Issuing;

/// <summary>openssl verify, run as a real process, judges the chains, validity and CRLs Tessera issues.</summary>
public sealed class OpenSslVerificationTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly X509Certificate2 _ca = TestPki.RootCa();

    public void Dispose()
    {
        _ca.Dispose();
        _directory.Dispose();
    }

    [Theory]
    [InlineData(CertificateProfile.Server)]
    [InlineData(CertificateProfile.Member)]
    [InlineData(CertificateProfile.Client)]
    public void Leaf_signed_by_the_root_verifies(CertificateProfile profile)
    {
        using var leaf = TestPki.Issue(_ca, profile, "CN=leaf,O=MongoDB", r => r with { Hosts = ["localhost", "127.0.0.1"] });

        var result = Verify(leaf);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("leaf.pem: OK", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void RSA_root_and_RSA_leaf_verify()
    {
        using var ca = TestPki.RootCa(KeyAlgorithm.Rsa2048);
        using var leaf = TestPki.Issue(ca, CertificateProfile.Client, "CN=alice", r => r with { KeyAlgorithm = KeyAlgorithm.Rsa2048 });

        var result = Verify(leaf, ca);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Chain_through_an_intermediate_verifies_only_with_the_intermediate()
    {
        using var intermediate = TestPki.Issue(_ca, CertificateProfile.Ca, "CN=Tessera Intermediate CA,O=Tessera");
        using var leaf = TestPki.Issue(intermediate, CertificateProfile.Server, "CN=localhost", r => r with { Hosts = ["localhost"] });
        CertificateFileWriter.WriteCertificate(_directory.File("intermediate.pem"), intermediate);

        var withIntermediate = Verify(leaf, untrusted: _directory.File("intermediate.pem"));
        var withoutIntermediate = Verify(leaf);

        Assert.True(withIntermediate.ExitCode == 0, withIntermediate.ToString());
        Assert.NotEqual(0, withoutIntermediate.ExitCode);
        Assert.Contains("unable to get local issuer certificate", withoutIntermediate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaf_from_another_CA_is_rejected()
    {
        using var otherCa = TestPki.RootCa(name: "CN=Other Root CA,O=Evil Corp");
        using var leaf = TestPki.Issue(otherCa, CertificateProfile.Client, "CN=alice");

        var result = Verify(leaf);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unable to get local issuer certificate", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_leaf_is_rejected()
    {
        var now = DateTimeOffset.UtcNow;
        using var leaf = TestPki.Issue(_ca, CertificateProfile.Client, "CN=expired", r => r with
        {
            NotBefore = now.AddSeconds(-10_000_000),
            NotAfter = now.AddSeconds(-1_000_000),
        });

        var result = Verify(leaf);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("certificate has expired", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_yet_valid_leaf_is_rejected()
    {
        var now = DateTimeOffset.UtcNow;
        using var leaf = TestPki.Issue(_ca, CertificateProfile.Client, "CN=not_yet_valid", r => r with
        {
            NotBefore = now.AddDays(1),
            NotAfter = now.AddDays(2),
        });

        var result = Verify(leaf);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("certificate is not yet valid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CRL_revokes_the_listed_leaf_and_passes_the_other()
    {
        using var revoked = TestPki.Issue(_ca, CertificateProfile.Client, "CN=revoked-dave");
        using var good = TestPki.Issue(_ca, CertificateProfile.Client, "CN=alice");
        var crl = new RevocationListIssuer().Issue(
            new RevocationListRequest { Revoked = [RevokedCertificate.Of(revoked, X509RevocationReason.KeyCompromise)] }, _ca);
        CertificateFileWriter.WriteRevocationList(_directory.File("crl.pem"), crl);

        var revokedResult = Verify(revoked, crl: _directory.File("crl.pem"));
        var goodResult = Verify(good, crl: _directory.File("crl.pem"));

        Assert.NotEqual(0, revokedResult.ExitCode);
        Assert.Contains("certificate revoked", revokedResult.Output, StringComparison.Ordinal);
        Assert.True(goodResult.ExitCode == 0, goodResult.ToString());
    }

    [Fact]
    public void CRL_of_an_intermediate_revokes_its_leaf()
    {
        using var intermediate = TestPki.Issue(_ca, CertificateProfile.Ca, "CN=Tessera Intermediate CA,O=Tessera");
        using var leaf = TestPki.Issue(intermediate, CertificateProfile.Client, "CN=alice");
        CertificateFileWriter.WriteCertificate(_directory.File("intermediate.pem"), intermediate);
        var crl = new RevocationListIssuer().Issue(new RevocationListRequest { Revoked = [RevokedCertificate.Of(leaf)] }, intermediate);
        CertificateFileWriter.WriteRevocationList(_directory.File("crl.pem"), crl);

        var result = Verify(leaf, untrusted: _directory.File("intermediate.pem"), crl: _directory.File("crl.pem"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("certificate revoked", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_CRL_is_reported_as_expired()
    {
        using var leaf = TestPki.Issue(_ca, CertificateProfile.Client, "CN=alice");
        var now = DateTimeOffset.UtcNow;
        var crl = new RevocationListIssuer().Issue(
            new RevocationListRequest { ThisUpdate = now.AddDays(-60), NextUpdate = now.AddDays(-30) }, _ca);
        CertificateFileWriter.WriteRevocationList(_directory.File("crl.pem"), crl);

        var result = Verify(leaf, crl: _directory.File("crl.pem"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("CRL has expired", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CRL_carries_number_AKI_reason_and_dates_as_openssl_reads_them()
    {
        using var revoked = TestPki.Issue(_ca, CertificateProfile.Client, "CN=revoked-dave");
        var thisUpdate = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var crl = new RevocationListIssuer().Issue(
            new RevocationListRequest
            {
                Revoked = [RevokedCertificate.Of(revoked, X509RevocationReason.KeyCompromise)],
                ThisUpdate = thisUpdate,
                NextUpdate = thisUpdate.AddDays(7),
                CrlNumber = 4242,
            },
            _ca);
        CertificateFileWriter.WriteRevocationList(_directory.File("crl.pem"), crl);

        var text = OpenSsl.Run("crl", "-in", _directory.File("crl.pem"), "-noout", "-text");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("Version 2 (0x1)", text.Output, StringComparison.Ordinal);
        Assert.Contains("X509v3 CRL Number", text.Output, StringComparison.Ordinal);
        Assert.Contains("4242", text.Output, StringComparison.Ordinal);
        Assert.Contains("X509v3 Authority Key Identifier", text.Output, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString(revoked.SerialNumberBytes.Span), text.Output, StringComparison.Ordinal);
        Assert.Contains("Key Compromise", text.Output, StringComparison.Ordinal);
        Assert.Contains("Last Update: Jan  2 03:04:05 2030 GMT", text.Output, StringComparison.Ordinal);
        Assert.Contains("Next Update: Jan  9 03:04:05 2030 GMT", text.Output, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN X509 CRL-----", crl.Pem, StringComparison.Ordinal);

        // The AKI of the CRL is the CA's SKI, as openssl prints it.
        var caSki = TestPki.Extension<X509SubjectKeyIdentifierExtension>(_ca).SubjectKeyIdentifier!;
        var printed = string.Join(':', Enumerable.Range(0, caSki.Length / 2).Select(i => caSki.Substring(i * 2, 2)));
        Assert.Contains(printed, text.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Purposes_follow_the_profiles_as_openssl_checks_them()
    {
        using var server = TestPki.Issue(_ca, CertificateProfile.Server, "CN=server", r => r with { Hosts = ["localhost"] });
        using var member = TestPki.Issue(_ca, CertificateProfile.Member, "CN=member", r => r with { Hosts = ["localhost"] });
        using var client = TestPki.Issue(_ca, CertificateProfile.Client, "CN=client");

        Assert.Equal(0, Verify(server, purpose: "sslserver").ExitCode);
        Assert.Equal(0, Verify(member, purpose: "sslserver").ExitCode);
        Assert.Equal(0, Verify(member, purpose: "sslclient").ExitCode);
        Assert.Equal(0, Verify(client, purpose: "sslclient").ExitCode);

        // A server-only certificate presented as a client is what mongod rejects (server-behavior §5.4):
        // X509_V_ERR_INVALID_PURPOSE, "unsupported" in OpenSSL 1.1 and "unsuitable certificate purpose" in 3.x.
        var serverAsClient = Verify(server, purpose: "sslclient");
        Assert.NotEqual(0, serverAsClient.ExitCode);
        Assert.Contains("error 26 ", serverAsClient.Output, StringComparison.Ordinal);
        Assert.Contains("certificate purpose", serverAsClient.Output, StringComparison.Ordinal);
    }

    private OpenSsl.Result Verify(
        X509Certificate2 leaf, X509Certificate2? ca = null, string? untrusted = null, string? crl = null, string? purpose = null)
    {
        CertificateFileWriter.WriteCertificate(_directory.File("ca.pem"), ca ?? _ca);
        CertificateFileWriter.WriteCertificate(_directory.File("leaf.pem"), leaf);
        var arguments = new List<string> { "verify", "-CAfile", _directory.File("ca.pem") };
        if (untrusted is not null)
        {
            arguments.AddRange(["-untrusted", untrusted]);
        }

        if (crl is not null)
        {
            arguments.AddRange(["-crl_check", "-CRLfile", crl]);
        }

        if (purpose is not null)
        {
            arguments.AddRange(["-purpose", purpose]);
        }

        arguments.Add(_directory.File("leaf.pem"));
        return OpenSsl.Run([.. arguments]);
    }
}
