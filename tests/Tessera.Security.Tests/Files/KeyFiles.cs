using System.Security.Cryptography;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Files;

/// <summary>
/// A private key written in each format users ship: the unencrypted ones as .NET writes them
/// (byte-identical to openssl's), the encrypted ones by the openssl CLI itself.
/// </summary>
internal static class KeyFiles
{
    public const string Password = "s3cret";

    public static string Pkcs8(AsymmetricAlgorithm key) => key.ExportPkcs8PrivateKeyPem() + "\n";

    public static string Pkcs1(AsymmetricAlgorithm key) => ((RSA)key).ExportRSAPrivateKeyPem() + "\n";

    public static string Sec1(AsymmetricAlgorithm key) => ((ECDsa)key).ExportECPrivateKeyPem() + "\n";

    /// <summary><c>openssl pkcs8 -topk8 -v2 aes-256-cbc</c>: BEGIN ENCRYPTED PRIVATE KEY.</summary>
    public static string EncryptedPkcs8(TemporaryDirectory directory, AsymmetricAlgorithm key) =>
        ThroughOpenSsl(directory, key, (input, output) =>
            OpenSsl.Check("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", "pass:" + Password, "-in", input, "-out", output));

    /// <summary><c>openssl rsa -aes256 -traditional</c> (or <c>-des3</c>): BEGIN RSA PRIVATE KEY with Proc-Type: 4,ENCRYPTED.</summary>
    public static string TraditionalRsa(TemporaryDirectory directory, AsymmetricAlgorithm key, string cipher = "-aes256") =>
        ThroughOpenSsl(directory, key, (input, output) =>
            OpenSsl.Check("rsa", cipher, "-traditional", "-passout", "pass:" + Password, "-in", input, "-out", output));

    /// <summary><c>openssl ec -aes256</c>: BEGIN EC PRIVATE KEY with Proc-Type: 4,ENCRYPTED.</summary>
    public static string TraditionalEc(TemporaryDirectory directory, AsymmetricAlgorithm key) =>
        ThroughOpenSsl(directory, key, (input, output) =>
            OpenSsl.Check("ec", "-aes256", "-passout", "pass:" + Password, "-in", input, "-out", output));

    /// <summary>An encrypted key of the named format, with the leaf it belongs to.</summary>
    public static (IssuedCertificate Leaf, string KeyPem) Encrypted(string format, TemporaryDirectory directory, TestPki pki) => format switch
    {
        "pkcs8-rsa" => (pki.RsaLeaf, Expect(EncryptedPkcs8(directory, pki.RsaLeaf.Key), "BEGIN ENCRYPTED PRIVATE KEY")),
        "pkcs8-ec" => (pki.EcLeaf, Expect(EncryptedPkcs8(directory, pki.EcLeaf.Key), "BEGIN ENCRYPTED PRIVATE KEY")),
        "traditional-rsa-aes256" => (pki.RsaLeaf, Expect(TraditionalRsa(directory, pki.RsaLeaf.Key), "BEGIN RSA PRIVATE KEY", "Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-256-CBC")),
        "traditional-rsa-des3" => (pki.RsaLeaf, Expect(TraditionalRsa(directory, pki.RsaLeaf.Key, "-des3"), "BEGIN RSA PRIVATE KEY", "Proc-Type: 4,ENCRYPTED", "DEK-Info: DES-EDE3-CBC")),
        "traditional-ec-aes256" => (pki.EcLeaf, Expect(TraditionalEc(directory, pki.EcLeaf.Key), "BEGIN EC PRIVATE KEY", "Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-256-CBC")),
        _ => throw new ArgumentException(format, nameof(format)),
    };

    /// <summary><c>openssl pkcs12 -export</c> of a leaf and its key (and a CA with <c>-certfile</c>), password <see cref="Password"/>.</summary>
    public static string Pkcs12(TemporaryDirectory directory, IssuedCertificate leaf, string name, IssuedCertificate? chain)
    {
        var certificate = directory.Write("p12-leaf.crt", leaf.CertificatePem);
        var key = directory.Write("p12-leaf.key", Pkcs8(leaf.Key));
        var output = directory.File(name);
        var arguments = new List<string> { "pkcs12", "-export", "-in", certificate, "-inkey", key, "-passout", "pass:" + Password, "-out", output };
        if (chain is not null)
        {
            arguments.AddRange(["-certfile", directory.Write("p12-chain.crt", chain.CertificatePem)]);
        }

        OpenSsl.Check([.. arguments]);
        File.Delete(key);
        return output;
    }

    /// <summary>Guards the test itself: openssl wrote the format the test is about.</summary>
    private static string Expect(string pem, params string[] markers)
    {
        foreach (var marker in markers)
        {
            Assert.Contains(marker, pem, StringComparison.Ordinal);
        }

        return pem;
    }

    private static string ThroughOpenSsl(TemporaryDirectory directory, AsymmetricAlgorithm key, Action<string, string> convert)
    {
        var input = directory.Write("plain-" + Guid.NewGuid().ToString("N") + ".key", Pkcs8(key));
        var output = directory.File("converted-" + Guid.NewGuid().ToString("N") + ".key");
        convert(input, output);
        File.Delete(input);
        var text = File.ReadAllText(output);
        File.Delete(output);
        return text;
    }
}
