using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Files;

public sealed class RevocationListFileTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly DateTimeOffset RevokedAt = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
    // The PKI first: if making it fails, no directory is left behind by a constructor that never completed.
    private readonly TestPki pki = TestPki.Shared;
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void PemCrl_ExposesIssuerDatesAndRevokedSerials()
    {
        var thisUpdate = TruncateToSeconds(Now.AddHours(-1));
        var nextUpdate = TruncateToSeconds(Now.AddDays(30));
        var path = directory.Write("crl.pem", Pem(IntermediateCrlRevokingAlice(thisUpdate, nextUpdate)));

        var crl = Assert.Single(RevocationListFile.Load(path));

        Assert.Equal(pki.Intermediate.Certificate.SubjectName.RawData, crl.Issuer.RawData);
        Assert.Equal(thisUpdate, crl.ThisUpdate);
        Assert.Equal(nextUpdate, crl.NextUpdate);
        var revoked = Assert.Single(crl.RevokedCertificates);
        Assert.Equal(new BigInteger(0x1001), revoked.SerialNumber);
        Assert.Equal("1001", revoked.SerialNumberHex);
        Assert.Equal(RevokedAt, revoked.RevocationDate);
        Assert.Equal(path, crl.FilePath);
    }

    [Fact]
    public void IsRevoked_TrueForListedCertificate_FalseForOthers()
    {
        var path = directory.Write("crl.pem", Pem(IntermediateCrlRevokingAlice(Now.AddHours(-1), Now.AddDays(30))));

        var crl = Assert.Single(RevocationListFile.Load(path));

        Assert.True(crl.IsRevoked(pki.RsaLeaf.Certificate));
        Assert.False(crl.IsRevoked(pki.EcLeaf.Certificate));
        Assert.False(crl.IsRevoked(pki.OtherRsaLeaf.Certificate));
    }

    [Fact]
    public void IsRevoked_SameSerialFromAnotherIssuer_IsNotRevoked()
    {
        var path = directory.Write("crl.pem", Pem(IntermediateCrlRevokingAlice(Now.AddHours(-1), Now.AddDays(30))));
        Assert.Equal(pki.RsaLeaf.Certificate.SerialNumber, pki.SameSerialOtherIssuerLeaf.Certificate.SerialNumber);

        var crl = Assert.Single(RevocationListFile.Load(path));

        Assert.False(crl.IsRevoked(pki.SameSerialOtherIssuerLeaf.Certificate));
    }

    [Fact]
    public void DerCrlFromOpenSsl_LoadsTheSameList()
    {
        var pem = directory.Write("crl.pem", Pem(IntermediateCrlRevokingAlice(Now.AddHours(-1), Now.AddDays(30))));
        var der = directory.File("crl.der");
        OpenSsl.Check("crl", "-in", pem, "-outform", "DER", "-out", der);
        Assert.Equal(0x30, File.ReadAllBytes(der)[0]);

        var crl = Assert.Single(RevocationListFile.Load(der));

        Assert.True(crl.IsRevoked(pki.RsaLeaf.Certificate));
        crl.Check(pki.Intermediate.Certificate, Now);
    }

    [Fact]
    public void SeveralCrlsInOnePemFile_LoadsEachInOrder()
    {
        var rootCrl = Build(pki.Root, Now.AddHours(-1), Now.AddDays(30), revoke: null);
        var path = directory.Write("crls.pem",
            Pem(rootCrl) + Pem(IntermediateCrlRevokingAlice(Now.AddHours(-1), Now.AddDays(30))));

        var crls = RevocationListFile.Load(path);

        Assert.Equal(2, crls.Count);
        Assert.Equal(pki.Root.Certificate.SubjectName.RawData, crls[0].Issuer.RawData);
        Assert.Empty(crls[0].RevokedCertificates);
        Assert.Equal(pki.Intermediate.Certificate.SubjectName.RawData, crls[1].Issuer.RawData);
        Assert.False(crls[0].IsRevoked(pki.RsaLeaf.Certificate));
        Assert.True(crls[1].IsRevoked(pki.RsaLeaf.Certificate));
        crls[0].Check(pki.Root.Certificate, Now);
        crls[1].Check(pki.Intermediate.Certificate, Now);
    }

    [Fact]
    public void Check_CrlSignedByAnotherKeyUnderTheSameName_SignatureInvalid()
    {
        var forged = Build(pki.ImpostorRoot, Now.AddHours(-1), Now.AddDays(30), revoke: null);
        var path = directory.Write("crl.pem", Pem(forged));
        var crl = Assert.Single(RevocationListFile.Load(path));

        var error = Assert.Throws<CertificateFileException>(() => crl.Check(pki.Root.Certificate, Now));

        Assert.Equal(CertificateFileError.RevocationListSignatureInvalid, error.Error);
        Assert.Contains($"was not signed by '{pki.Root.Certificate.Subject}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CrlOfAnotherCa_IssuerMismatch()
    {
        var path = directory.Write("crl.pem", Pem(Build(pki.OtherRoot, Now.AddHours(-1), Now.AddDays(30), revoke: null)));
        var crl = Assert.Single(RevocationListFile.Load(path));

        var error = Assert.Throws<CertificateFileException>(() => crl.Check(pki.Root.Certificate, Now));

        Assert.Equal(CertificateFileError.RevocationListIssuerMismatch, error.Error);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PastNextUpdate_Expired()
    {
        var path = directory.Write("crl.pem", Pem(IntermediateCrlRevokingAlice(Now.AddDays(-40), Now.AddDays(-10))));
        var crl = Assert.Single(RevocationListFile.Load(path));

        var error = Assert.Throws<CertificateFileException>(() => crl.Check(pki.Intermediate.Certificate, Now));

        Assert.Equal(CertificateFileError.RevocationListExpired, error.Error);
        Assert.Contains("CRL has expired", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        crl.Check(pki.Intermediate.Certificate, Now.AddDays(-20));
    }

    [Fact]
    public void Check_ThisUpdateInTheFuture_NotYetValid()
    {
        var path = directory.Write("crl.pem", Pem(IntermediateCrlRevokingAlice(Now.AddDays(2), Now.AddDays(30))));
        var crl = Assert.Single(RevocationListFile.Load(path));

        var error = Assert.Throws<CertificateFileException>(() => crl.Check(pki.Intermediate.Certificate, Now));

        Assert.Equal(CertificateFileError.RevocationListNotYetValid, error.Error);
        Assert.Contains("CRL is not yet valid", error.Message, StringComparison.Ordinal);
        crl.Check(pki.Intermediate.Certificate, Now.AddDays(3));
    }

    [Fact]
    public void MissingFile_FileNotFound_NamesTlsCrlFile()
    {
        var path = directory.File("crl.pem");

        var error = Assert.Throws<CertificateFileException>(() => RevocationListFile.Load(path));

        Assert.Equal(CertificateFileError.FileNotFound, error.Error);
        Assert.Contains("tlsCRLFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CertificateInsteadOfCrl_NoRevocationList()
    {
        var path = directory.Write("crl.pem", pki.Root.CertificatePem);

        var error = Assert.Throws<CertificateFileException>(() => RevocationListFile.Load(path));

        Assert.Equal(CertificateFileError.NoRevocationList, error.Error);
        Assert.Contains("contains no CRL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DerCertificateInsteadOfCrl_MalformedContent()
    {
        var path = directory.Write("crl.der", pki.Root.Certificate.RawData);

        var error = Assert.Throws<CertificateFileException>(() => RevocationListFile.Load(path));

        Assert.Equal(CertificateFileError.MalformedContent, error.Error);
    }

    private byte[] IntermediateCrlRevokingAlice(DateTimeOffset thisUpdate, DateTimeOffset nextUpdate) =>
        Build(pki.Intermediate, thisUpdate, nextUpdate, pki.RsaLeaf.Certificate);

    private static byte[] Build(IssuedCertificate issuer, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, X509Certificate2? revoke)
    {
        var builder = new CertificateRevocationListBuilder();
        if (revoke is not null)
        {
            builder.AddEntry(revoke, RevokedAt, X509RevocationReason.KeyCompromise);
        }

        return builder.Build(issuer.Certificate, BigInteger.One, nextUpdate, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, thisUpdate);
    }

    private static string Pem(byte[] der) => PemEncoding.WriteString("X509 CRL", der) + "\n";

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
