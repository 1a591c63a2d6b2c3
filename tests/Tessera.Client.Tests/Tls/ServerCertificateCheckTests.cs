using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Tessera.Client.Connection;
using Tessera.Client.Tls;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Security.Names;
using Tessera.Testing;

namespace Tessera.Client.Tests.Tls;

/// <summary>
/// The failure classes no running server can show (a server refuses to start with its own certificate expired or not
/// yet valid), and the rules around them, judged by <see cref="ServerCertificateCheck"/> directly with a chosen clock.
/// </summary>
public sealed class ServerCertificateCheckTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public ServerCertificateCheckTests(TestPki pki) => _pki = pki;

    [Fact]
    public void AfterItsNotAfterTheServersOwnCertificateIsExpired()
    {
        using var server = Leaf(_pki.ServerFile);
        var report = Check(At(server.NotAfter.AddDays(1))).Evaluate(["localhost"], server, null, SslPolicyErrors.None);
        var failure = Assert.IsType<ConnectionFailure>(report.Failure);
        Assert.Equal(ConnectionFailureKind.CertificateExpired, failure.Kind);
        Assert.Contains("certificate has expired: the server's certificate expired on", failure.Cause, StringComparison.Ordinal);
        Assert.Contains("renew the server's certificate", failure.Fix, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.NotRun, report.HostName.Status);
    }

    [Fact]
    public void BeforeItsNotBeforeTheCertificateIsNotYetValidAndTheClockIsBlamed()
    {
        using var server = Leaf(_pki.ServerFile);
        var failure = Check(At(server.NotBefore.AddDays(-1))).Evaluate(["localhost"], server, null, SslPolicyErrors.None).Failure!;
        Assert.Equal(ConnectionFailureKind.CertificateNotYetValid, failure.Kind);
        Assert.Contains("clocks", failure.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTlsCAFileTheReasonOfSslStreamsChainIsKept()
    {
        // The chain SslStream would hand over for a trusted root, checked at a time past the leaf's notAfter.
        using var server = Leaf(_pki.ServerFile);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(_pki.CaFile);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = server.NotAfter.AddDays(1);
        Assert.False(chain.Build(server));

        var check = new ServerCertificateCheck(new TlsSettings { Enabled = true }, At(server.NotAfter.AddDays(1)));
        var failure = check.Evaluate(["localhost"], server, chain, SslPolicyErrors.RemoteCertificateChainErrors).Failure!;
        Assert.Equal(ConnectionFailureKind.CertificateExpired, failure.Kind);
        Assert.Contains("the server's certificate expired on", failure.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void AClientCertificatePresentedByAServerHasTheWrongPurpose()
    {
        using var client = Leaf(_pki.Alice);
        var failure = Check().Evaluate(["localhost"], client, null, SslPolicyErrors.None).Failure!;
        Assert.Equal(ConnectionFailureKind.WrongPurpose, failure.Kind);
        Assert.Contains("serverAuth", failure.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCertificateAtAllIsRefused()
    {
        var failure = Check().Evaluate(["localhost"], null, null, SslPolicyErrors.RemoteCertificateNotAvailable).Failure!;
        Assert.Equal(ConnectionFailureKind.NoServerCertificate, failure.Kind);
    }

    [Fact]
    public void TlsAllowInvalidCertificatesSkipsEveryCheckIncludingTheHostName()
    {
        using var foreign = Leaf(_pki.ForeignServer);
        var report = new ServerCertificateCheck(Settings() with { AllowInvalidCertificates = true }).Evaluate(["elsewhere.test"], foreign, null, SslPolicyErrors.RemoteCertificateChainErrors);
        Assert.True(report.Accepted);
        Assert.All(new[] { report.Trust, report.HostName, report.Revocation, report.Ocsp }, r => Assert.Equal(CheckStatus.Skipped, r.Status));
    }

    [Fact]
    public void WithoutASanTheCnMatchesAndTheReportSaysItIsDeprecated()
    {
        using var ca = CertificateKeyFile.Load(_pki.CaFile, Path.Combine(Path.GetDirectoryName(_pki.CaFile)!, "ca.key"), null, CertificateKeyFileOption.TlsCertificateKeyFile).Certificate;
        using var cnOnly = new CertificateIssuer().Issue(new IssueRequest
        {
            Profile = CertificateProfile.Server,
            Subject = DistinguishedNameParser.Parse("CN=localhost,O=Acme").ToX500DistinguishedName(),
            OmitSubjectAlternativeName = true,
        }, ca);
        var report = Check().Evaluate(["localhost"], cnOnly, null, SslPolicyErrors.None);
        Assert.True(report.Accepted);
        Assert.Contains("CN", report.HostName.Detail, StringComparison.Ordinal);
        Assert.Contains("deprecated", report.HostName.Detail, StringComparison.Ordinal);
        Assert.Equal(ConnectionFailureKind.HostNameMismatch, Check().Evaluate(["127.0.0.1"], cnOnly, null, SslPolicyErrors.None).Failure!.Kind);
    }

    [Fact]
    public void OcspIsNeverClaimed()
    {
        using var server = Leaf(_pki.ServerFile);
        var report = Check().Evaluate(["localhost"], server, null, SslPolicyErrors.None);
        Assert.True(report.Accepted);
        Assert.Equal(CheckStatus.Skipped, report.Ocsp.Status);
        Assert.Contains("not implemented", report.Ocsp.Detail, StringComparison.Ordinal);
    }

    private TlsSettings Settings() => new() { Enabled = true, CAFile = _pki.CaFile };

    private ServerCertificateCheck Check(TimeProvider? time = null) => new(Settings(), time);

    private static X509Certificate2 Leaf(string file) => CertificateKeyFile.Load(file, null).Certificate;

    private static TimeProvider At(DateTime time) => new FixedTime(new DateTimeOffset(time.ToUniversalTime()));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
