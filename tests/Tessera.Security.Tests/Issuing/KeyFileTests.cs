using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Issuing;

/// <summary>The files users ship: combined PEM, PKCS#8 keys (plain and encrypted), PKCS#12, and their modes.</summary>
public sealed class KeyFileTests : IDisposable
{
    private const string Password = "s3cret";
    private readonly TemporaryDirectory _directory = new();
    private readonly X509Certificate2 _root = TestPki.RootCa();
    private readonly X509Certificate2 _intermediate;
    private readonly X509Certificate2 _client;

    public KeyFileTests()
    {
        _intermediate = TestPki.Issue(_root, CertificateProfile.Ca, "CN=Intermediate CA,O=Tessera");
        _client = TestPki.Issue(_intermediate, CertificateProfile.Client, "CN=alice,OU=Clients,O=Acme");
    }

    public void Dispose()
    {
        _client.Dispose();
        _intermediate.Dispose();
        _root.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Combined_PEM_is_certificate_then_intermediates_then_unencrypted_PKCS8_key()
    {
        var path = _directory.File("client.pem");
        CertificateFileWriter.WriteCombined(path, _client, [_intermediate]);

        var labels = PemLabels(File.ReadAllText(path));
        Assert.Equal(["CERTIFICATE", "CERTIFICATE", "PRIVATE KEY"], labels);

        using var loaded = X509Certificate2.CreateFromPemFile(path);
        Assert.Equal(_client.RawData, loaded.RawData);
        Assert.True(loaded.HasPrivateKey);

        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(path);
        Assert.Equal(_intermediate.RawData, chain[1].RawData);

        var check = OpenSsl.Run("pkey", "-in", path, "-noout");
        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public void Encrypted_PKCS8_is_PBES2_AES256_with_SHA256_PBKDF2()
    {
        var path = _directory.File("client.key");
        CertificateFileWriter.WritePrivateKey(path, _client, Password);
        var pem = File.ReadAllText(path);

        Assert.Equal(["ENCRYPTED PRIVATE KEY"], PemLabels(pem));
        var structure = OpenSsl.Run("asn1parse", "-in", path);
        Assert.Contains("PBES2", structure.Output, StringComparison.Ordinal);
        Assert.Contains("aes-256-cbc", structure.Output, StringComparison.Ordinal);
        Assert.Contains("hmacWithSHA256", structure.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypted_PKCS8_opens_in_dotnet_with_the_password_only()
    {
        var path = _directory.File("client.key");
        CertificateFileWriter.WritePrivateKey(path, _client, Password);
        var pem = File.ReadAllText(path);

        using var key = ECDsa.Create();
        key.ImportFromEncryptedPem(pem, Password);
        using var expected = _client.GetECDsaPublicKey()!;
        Assert.Equal(expected.ExportSubjectPublicKeyInfo(), key.ExportSubjectPublicKeyInfo());

        using var wrong = ECDsa.Create();
        Assert.ThrowsAny<CryptographicException>(() => wrong.ImportFromEncryptedPem(pem, "wrong"));
    }

    [Theory]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    [InlineData(KeyAlgorithm.Rsa2048)]
    public void Encrypted_PKCS8_opens_in_openssl_with_the_password_only(KeyAlgorithm algorithm)
    {
        using var client = TestPki.Issue(_root, CertificateProfile.Client, "CN=bob", r => r with { KeyAlgorithm = algorithm });
        var keyPath = _directory.File("client.key");
        var certificatePath = _directory.File("client.crt");
        CertificateFileWriter.WritePrivateKey(keyPath, client, Password);
        CertificateFileWriter.WriteCertificate(certificatePath, client);

        var fromKey = OpenSsl.Run("pkey", "-in", keyPath, "-passin", $"pass:{Password}", "-pubout");
        var fromCertificate = OpenSsl.Run("x509", "-in", certificatePath, "-noout", "-pubkey");
        var wrong = OpenSsl.Run("pkey", "-in", keyPath, "-passin", "pass:wrong", "-pubout");

        Assert.True(fromKey.ExitCode == 0, fromKey.ToString());
        Assert.Contains("BEGIN PUBLIC KEY", fromKey.Output, StringComparison.Ordinal);
        Assert.Equal(fromCertificate.Output, fromKey.Output);
        Assert.NotEqual(0, wrong.ExitCode);
    }

    [Fact]
    public void Combined_PEM_with_a_password_loads_with_it()
    {
        var path = _directory.File("client-encrypted.pem");
        CertificateFileWriter.WriteCombined(path, _client, password: Password);

        Assert.Equal(["CERTIFICATE", "ENCRYPTED PRIVATE KEY"], PemLabels(File.ReadAllText(path)));
        using var loaded = X509Certificate2.CreateFromEncryptedPemFile(path, Password);
        Assert.True(loaded.HasPrivateKey);
        Assert.ThrowsAny<CryptographicException>(() => X509Certificate2.CreateFromEncryptedPemFile(path, "wrong"));
    }

    [Fact]
    public void PKCS12_holds_the_key_and_the_intermediate_behind_the_password()
    {
        var path = _directory.File("client.p12");
        CertificateFileWriter.WritePkcs12(path, _client, Password, [_intermediate]);

        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(path, Password);
        Assert.Equal(_client.RawData, loaded.RawData);
        Assert.True(loaded.HasPrivateKey);

        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, Password);
        Assert.Equal(2, all.Count);
        var intermediate = Assert.Single(all, c => c.RawData.AsSpan().SequenceEqual(_intermediate.RawData));
        Assert.False(intermediate.HasPrivateKey);
        foreach (var certificate in all)
        {
            certificate.Dispose();
        }

        Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadPkcs12FromFile(path, "wrong"));
        var openssl = OpenSsl.Run("pkcs12", "-in", path, "-passin", $"pass:{Password}", "-nokeys");
        Assert.True(openssl.ExitCode == 0, openssl.ToString());
    }

    [Fact]
    public void Files_with_keys_are_mode_0600_even_over_an_existing_looser_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only; xunit 2 has no dynamic skip.
        }

        var combined = _directory.File("client.pem");
        var key = _directory.File("client.key");
        var encryptedKey = _directory.File("client-encrypted.key");
        var pkcs12 = _directory.File("client.p12");
        File.WriteAllText(combined, "old");
        File.SetUnixFileMode(combined, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        CertificateFileWriter.WriteCombined(combined, _client);
        CertificateFileWriter.WritePrivateKey(key, _client);
        CertificateFileWriter.WritePrivateKey(encryptedKey, _client, Password);
        CertificateFileWriter.WritePkcs12(pkcs12, _client, Password);

        foreach (var path in new[] { combined, key, encryptedKey, pkcs12 })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(combined), StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(_directory.Path).Length);
    }

    private static string[] PemLabels(string pem)
    {
        var labels = new List<string>();
        var rest = pem.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            labels.Add(rest.Span[fields.Label].ToString());
            rest = rest[fields.Location.End..];
        }

        return [.. labels];
    }
}
