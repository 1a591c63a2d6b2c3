using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Security.Names;
using Tessera.Security.Tests.Support;
using Tessera.Security.Tls;

namespace Tessera.Security.Tests.Tls;

/// <summary>Client-certificate validation as mongod's OpenSSL set-up does it, with OpenSSL's reasons.</summary>
public sealed class PeerCertificateValidatorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly CertificateIssuer _issuer = new();
    private readonly RevocationListIssuer _crls = new();
    private readonly X509Certificate2 _ca;

    public PeerCertificateValidatorTests() =>
        _ca = _issuer.IssueSelfSigned(new IssueRequest { Profile = CertificateProfile.Ca, Subject = Dn("CN=CA,O=Acme") });

    public void Dispose()
    {
        _ca.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void A_good_client_certificate_is_valid()
    {
        Assert.True(new PeerCertificateValidator([_ca]).Validate(Client("CN=a")).IsValid);
    }

    [Fact]
    public void Each_failure_has_openssls_reason()
    {
        var validator = new PeerCertificateValidator([_ca]);
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(new PeerVerdict(PeerFailure.Expired, "certificate has expired"),
            validator.Validate(Client("CN=a", r => r with { NotBefore = now.AddDays(-10), NotAfter = now.AddDays(-1) })));
        Assert.Equal(new PeerVerdict(PeerFailure.NotYetValid, "certificate is not yet valid"),
            validator.Validate(Client("CN=a", r => r with { NotBefore = now.AddDays(1), NotAfter = now.AddDays(10) })));
        Assert.Equal(new PeerVerdict(PeerFailure.WrongPurpose, "unsuitable certificate purpose"),
            validator.Validate(Client("CN=a", r => r with { ExtendedKeyUsageOverride = [Certificates.CertificateFacts.ServerAuth] })));
        using var otherCa = _issuer.IssueSelfSigned(new IssueRequest { Profile = CertificateProfile.Ca, Subject = Dn("CN=Other") });
        using var stranger = _issuer.Issue(new IssueRequest { Profile = CertificateProfile.Client, Subject = Dn("CN=a") }, otherCa);
        Assert.Equal(new PeerVerdict(PeerFailure.UnknownIssuer, "unable to get local issuer certificate"), validator.Validate(stranger));
        Assert.Equal(PeerFailure.UnknownIssuer, validator.Validate(otherCa).Failure);
    }

    [Fact]
    public void A_client_certificate_without_eku_is_fine()
    {
        Assert.True(new PeerCertificateValidator([_ca]).Validate(Client("CN=a", r => r with { ExtendedKeyUsageOverride = [] })).IsValid);
    }

    [Fact]
    public void Revocation_needs_a_crl_and_honours_every_valid_one()
    {
        using var revoked = Client("CN=revoked");
        using var good = Client("CN=good");
        var older = _crls.Issue(new RevocationListRequest { ThisUpdate = DateTimeOffset.UtcNow.AddDays(-2), CrlNumber = 1 }, _ca);
        var newer = _crls.Issue(new RevocationListRequest { Revoked = [RevokedCertificate.Of(revoked)], CrlNumber = 2 }, _ca);
        var file = _directory.Write("crl.pem", older.Pem + newer.Pem); // a newer CRL appended to an older one
        var validator = new PeerCertificateValidator([_ca], RevocationListFile.Load(file));
        Assert.Equal(new PeerVerdict(PeerFailure.Revoked, "certificate revoked"), validator.Validate(revoked));
        Assert.True(validator.Validate(good).IsValid);

        using var otherCa = _issuer.IssueSelfSigned(new IssueRequest { Profile = CertificateProfile.Ca, Subject = Dn("CN=Other") });
        var foreign = _directory.Write("foreign.pem", _crls.Issue(new RevocationListRequest(), otherCa).Pem);
        Assert.Equal(new PeerVerdict(PeerFailure.RevocationListUnavailable, "unable to get certificate CRL"),
            new PeerCertificateValidator([_ca], RevocationListFile.Load(foreign)).Validate(good));

        var stale = _directory.Write("stale.pem", _crls.Issue(
            new RevocationListRequest { ThisUpdate = DateTimeOffset.UtcNow.AddDays(-20), NextUpdate = DateTimeOffset.UtcNow.AddDays(-1) }, _ca).Pem);
        Assert.Equal(new PeerVerdict(PeerFailure.RevocationListUnavailable, "CRL has expired"),
            new PeerCertificateValidator([_ca], RevocationListFile.Load(stale)).Validate(good));
    }

    [Fact]
    public void Leaf_only_revocation_needs_just_the_leaf_issuers_crl()
    {
        using var intermediate = _issuer.Issue(new IssueRequest { Profile = CertificateProfile.Ca, Subject = Dn("CN=Intermediate,O=Acme") }, _ca);
        using var good = _issuer.Issue(new IssueRequest { Profile = CertificateProfile.Client, Subject = Dn("CN=good") }, intermediate);
        using var revoked = _issuer.Issue(new IssueRequest { Profile = CertificateProfile.Client, Subject = Dn("CN=revoked") }, intermediate);
        var file = _directory.Write("intermediate-crl.pem", _crls.Issue(new RevocationListRequest { Revoked = [RevokedCertificate.Of(revoked)] }, intermediate).Pem);
        var crls = RevocationListFile.Load(file);

        // The default (CRL_CHECK_ALL) also wants the root's CRL for the intermediate; the leaf-only check does not.
        Assert.Equal(new PeerVerdict(PeerFailure.RevocationListUnavailable, "unable to get certificate CRL"),
            new PeerCertificateValidator([_ca, intermediate], crls).Validate(good));
        var leafOnly = new PeerCertificateValidator([_ca, intermediate], crls, revocationScope: RevocationScope.LeafOnly);
        Assert.True(leafOnly.Validate(good).IsValid);
        Assert.Equal(new PeerVerdict(PeerFailure.Revoked, "certificate revoked"), leafOnly.Validate(revoked));
    }

    private static X500DistinguishedName Dn(string dn) => DistinguishedNameParser.Parse(dn).ToX500DistinguishedName();

    private X509Certificate2 Client(string subject, Func<IssueRequest, IssueRequest>? adjust = null)
    {
        var request = new IssueRequest { Profile = CertificateProfile.Client, Subject = Dn(subject) };
        return _issuer.Issue(adjust?.Invoke(request) ?? request, _ca);
    }
}
