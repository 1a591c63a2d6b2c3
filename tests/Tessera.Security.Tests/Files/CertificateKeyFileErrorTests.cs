using System.Text;
using Tessera.Security.Files;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Files;

/// <summary>Each way a certificate key file can be wrong gives its own error kind and a message with the file and the fix.</summary>
public sealed class CertificateKeyFileErrorTests : IDisposable
{
    private const string WrongPassword = "not-the-Pa55word";
    // The PKI first: if making it fails, no directory is left behind by a constructor that never completed.
    private readonly TestPki pki = TestPki.Shared;
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void MissingFile_FileNotFound_NamesPathAndOption()
    {
        var path = directory.File("nope.pem");

        var error = Fails(path, null, CertificateFileError.FileNotFound);

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist; check the path given to tlsCertificateKeyFile.", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void MissingRelativePath_SaysWhereItWasLookedFor()
    {
        var error = Fails("no-such-dir/client.pem", null, CertificateFileError.FileNotFound);

        Assert.Contains($"relative paths are resolved from '{Environment.CurrentDirectory}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_FileUnreadable()
    {
        // The tests may run as root, for whom chmod 000 hides nothing; a directory is unreadable as a file for everyone.
        var error = Fails(directory.Path, null, CertificateFileError.FileUnreadable);

        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CertificateOnly_NoPrivateKey_SaysToConcatenate()
    {
        var path = directory.Write("cert.pem", pki.RsaLeaf.CertificatePem);

        var error = Fails(path, null, CertificateFileError.NoPrivateKey);

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("must contain both", error.Message, StringComparison.Ordinal);
        Assert.Contains("cat cert.pem key.pem > combined.pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DerCertificate_NoPrivateKey()
    {
        var path = directory.Write("cert.der", pki.RsaLeaf.Certificate.RawData);

        Fails(path, null, CertificateFileError.NoPrivateKey);
    }

    [Fact]
    public void KeyOnly_NoCertificate()
    {
        var path = directory.Write("key.pem", KeyFiles.Pkcs8(pki.RsaLeaf.Key));

        var error = Fails(path, null, CertificateFileError.NoCertificate);

        Assert.Contains("a private key but no certificate", error.Message, StringComparison.Ordinal);
        Assert.Contains("cat cert.pem key.pem > combined.pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyOfAnotherCertificate_KeyDoesNotMatchCertificate()
    {
        var path = directory.Write("client.pem",
            pki.RsaLeaf.CertificatePem + pki.Intermediate.CertificatePem + KeyFiles.Pkcs8(pki.OtherRsaLeaf.Key));

        var error = Fails(path, null, CertificateFileError.KeyDoesNotMatchCertificate);

        Assert.Contains("does not belong to the certificate 'CN=alice, OU=Clients, O=Acme'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EcKeyWithRsaCertificate_KeyDoesNotMatchCertificate()
    {
        var path = directory.Write("client.pem", pki.RsaLeaf.CertificatePem + KeyFiles.Sec1(pki.EcLeaf.Key));

        Fails(path, null, CertificateFileError.KeyDoesNotMatchCertificate);
    }

    [Fact]
    public void Ed25519Key_UnsupportedKeyAlgorithm()
    {
        var key = directory.File("ed25519.key");
        OpenSsl.Check("genpkey", "-algorithm", "ed25519", "-out", key);
        var path = directory.Write("client.pem", pki.RsaLeaf.CertificatePem + File.ReadAllText(key));

        var error = Fails(path, null, CertificateFileError.UnsupportedKeyAlgorithm);

        Assert.Contains("is an Ed25519 key; Tessera supports RSA and EC (ECDSA) keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoKeys_MultiplePrivateKeys()
    {
        var path = directory.Write("client.pem",
            pki.RsaLeaf.CertificatePem + KeyFiles.Pkcs8(pki.RsaLeaf.Key) + KeyFiles.Pkcs8(pki.OtherRsaLeaf.Key));

        Fails(path, null, CertificateFileError.MultiplePrivateKeys);
    }

    [Theory]
    [InlineData("pkcs8-rsa")]
    [InlineData("pkcs8-ec")]
    [InlineData("traditional-rsa-aes256")]
    [InlineData("traditional-ec-aes256")]
    public void EncryptedKey_NoPassword_PasswordRequired(string format)
    {
        var (leaf, keyPem) = KeyFiles.Encrypted(format, directory, pki);
        var path = directory.Write("client.pem", leaf.CertificatePem + keyPem);

        var nullPassword = Fails(path, null, CertificateFileError.PasswordRequired);
        Fails(path, "", CertificateFileError.PasswordRequired);

        Assert.Contains("encrypted but no password was given; set tlsCertificateKeyFilePassword", nullPassword.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pkcs8-rsa")]
    [InlineData("pkcs8-ec")]
    [InlineData("traditional-rsa-aes256")]
    [InlineData("traditional-rsa-des3")]
    [InlineData("traditional-ec-aes256")]
    public void EncryptedKey_WrongPassword_WrongPasswordWithoutThePassword(string format)
    {
        var (leaf, keyPem) = KeyFiles.Encrypted(format, directory, pki);
        var path = directory.Write("client.pem", leaf.CertificatePem + keyPem);

        var error = Fails(path, WrongPassword, CertificateFileError.WrongPassword);

        Assert.Contains("tlsCertificateKeyFilePassword", error.Message, StringComparison.Ordinal);
        Assert.Contains("the password is wrong", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(KeyFiles.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pkcs12_NoPassword_PasswordRequired()
    {
        var path = KeyFiles.Pkcs12(directory, pki.RsaLeaf, "client.p12", chain: null);

        var error = Fails(path, null, CertificateFileError.PasswordRequired);

        Assert.Contains("PKCS#12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pkcs12_WrongPassword_WrongPassword()
    {
        var path = KeyFiles.Pkcs12(directory, pki.RsaLeaf, "client.pfx", chain: null);

        var error = Fails(path, WrongPassword, CertificateFileError.WrongPassword);

        Assert.DoesNotContain(WrongPassword, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterFile_MessagesNameTheClusterOptions()
    {
        var (leaf, keyPem) = KeyFiles.Encrypted("traditional-rsa-aes256", directory, pki);
        var path = directory.Write("member.pem", leaf.CertificatePem + keyPem);

        var error = Assert.Throws<CertificateFileException>(() =>
            CertificateKeyFile.Load(path, null, CertificateKeyFileOption.TlsClusterFile));

        Assert.Equal(CertificateFileError.PasswordRequired, error.Error);
        Assert.Contains("set tlsClusterPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArbitraryBytes_NotRecognized()
    {
        var path = directory.Write("client.p12", Encoding.UTF8.GetBytes("this is not a certificate\n"));

        var error = Fails(path, "x", CertificateFileError.NotRecognized);

        Assert.Contains("neither PEM, DER nor PKCS#12", error.Message, StringComparison.Ordinal);
        Assert.Contains("its name says PKCS#12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_NotRecognized()
    {
        var path = directory.Write("client.pem", "");

        var error = Fails(path, null, CertificateFileError.NotRecognized);

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DamagedBase64_MalformedContent()
    {
        var pem = pki.RsaLeaf.CertificatePem.Replace("-----BEGIN CERTIFICATE-----\n", "-----BEGIN CERTIFICATE-----\n%%%%", StringComparison.Ordinal);
        var path = directory.Write("client.pem", pem + KeyFiles.Pkcs8(pki.RsaLeaf.Key));

        Fails(path, null, CertificateFileError.MalformedContent);
    }

    private static CertificateFileException Fails(string path, string? password, CertificateFileError expected)
    {
        var error = Assert.Throws<CertificateFileException>(() => CertificateKeyFile.Load(path, password));
        Assert.Equal(expected, error.Error);
        return error;
    }
}
