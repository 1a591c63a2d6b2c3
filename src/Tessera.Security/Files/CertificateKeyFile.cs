using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Files;

/// <summary>
/// A certificate key file (<c>tlsCertificateKeyFile</c>, <c>tlsClusterFile</c>) as users ship it: a
/// combined PEM with the certificate and its private key in either order and intermediates beside
/// them, with the key unencrypted (PKCS#8, PKCS#1, SEC1) or encrypted (PKCS#8, traditional
/// <c>Proc-Type: 4,ENCRYPTED</c>); or a PKCS#12 file.
/// </summary>
public sealed class CertificateKeyFile
{
    private const string Expected =
        "a PEM file holding the certificate and its private key (cat cert.pem key.pem > combined.pem), or a PKCS#12 (.p12/.pfx) file";

    private CertificateKeyFile(string path, X509Certificate2 certificate, X509Certificate2Collection intermediates)
    {
        Path = path;
        Certificate = certificate;
        Intermediates = intermediates;
    }

    /// <summary>The path the file was loaded from.</summary>
    public string Path { get; }

    /// <summary>The leaf: the certificate whose public key matches the private key, with that key attached.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The other certificates of the file, in file order: the chain to send after the leaf.</summary>
    public X509Certificate2Collection Intermediates { get; }

    /// <summary>Loads a file named by <c>tlsCertificateKeyFile</c>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="password">The key's (or PKCS#12 file's) password; null or empty when there is none.</param>
    /// <exception cref="CertificateFileException">The file cannot be used; the message says why and how to fix it.</exception>
    public static CertificateKeyFile Load(string path, string? password) =>
        Load(path, password, CertificateKeyFileOption.TlsCertificateKeyFile);

    /// <summary>Loads a certificate key file named by the given option pair (e.g. <c>tlsClusterFile</c>).</summary>
    /// <exception cref="CertificateFileException">The file cannot be used; the message says why and how to fix it.</exception>
    public static CertificateKeyFile Load(string path, string? password, CertificateKeyFileOption option)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(option);
        var file = new SourceFile(path, "certificate key file", option.FileOption, Expected);
        var bytes = file.ReadAllBytes();

        if (PemBlockReader.LooksLikePem(bytes))
        {
            return FromPem(bytes, password, file, option);
        }

        if (Pkcs12Content.IsPkcs12(bytes))
        {
            return FromPkcs12(bytes, password, file, option);
        }

        if (DerCertificate.TryLoad(bytes) is { } lone)
        {
            lone.Dispose();
            throw NoPrivateKey(file, "a DER certificate");
        }

        var hint = path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase)
            ? " (its name says PKCS#12 but its content is not)"
            : "";
        throw file.Error(CertificateFileError.NotRecognized,
            $"{file.Named} is neither PEM, DER nor PKCS#12{hint}; {option.FileOption} needs {Expected}.");
    }

    /// <summary>
    /// Loads a certificate and its private key kept in two PEM files (a CA's ca.pem and ca.key, or an
    /// operator's cert.pem and key.pem), with the same key formats and checks as a combined file.
    /// </summary>
    /// <exception cref="CertificateFileException">The files cannot be used; the message says why and how to fix it.</exception>
    public static CertificateKeyFile Load(string certificatePath, string keyPath, string? password, CertificateKeyFileOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var certificateFile = new SourceFile(certificatePath, "certificate file", option.FileOption, Expected);
        var keyFile = new SourceFile(keyPath, "key file", option.FileOption, Expected);
        byte[] bytes = [.. certificateFile.ReadAllBytes(), (byte)'\n', .. keyFile.ReadAllBytes()];
        if (!PemBlockReader.LooksLikePem(bytes))
        {
            throw keyFile.Error(CertificateFileError.NotRecognized,
                $"{certificateFile.Named} and {keyFile.Named} are not PEM; give a PEM certificate and a PEM private key.");
        }

        return FromPem(bytes, password, keyFile, option);
    }

    private static CertificateKeyFile FromPem(byte[] bytes, string? password, SourceFile file, CertificateKeyFileOption option)
    {
        var blocks = PemBlockReader.Read(bytes, file);
        if (blocks.Count == 0)
        {
            throw file.Error(CertificateFileError.MalformedContent,
                $"{file.Named} has a BEGIN line but no complete PEM block (a missing or mismatched END line); export the file again.");
        }

        var keyBlocks = blocks.Where(b => PrivateKeyLabels.IsPrivateKey(b.Label)).ToList();
        var certificates = PemCertificates.Load(blocks, file);
        try
        {
            if (certificates.Count == 0)
            {
                var found = keyBlocks.Count > 0 ? "a private key but no certificate" : $"no certificate and no private key (only {Labels(blocks)})";
                throw file.Error(CertificateFileError.NoCertificate,
                    $"{file.Named} contains {found}; a certificate key file must contain both the certificate and its private key; concatenate them: cat cert.pem key.pem > combined.pem");
            }

            if (keyBlocks.Count == 0)
            {
                throw NoPrivateKey(file, "a certificate");
            }

            if (keyBlocks.Count > 1)
            {
                throw file.Error(CertificateFileError.MultiplePrivateKeys,
                    $"{file.Named} contains {keyBlocks.Count} private keys (PEM blocks {string.Join(", ", keyBlocks.Select(b => b.Ordinal))}); keep only the key that belongs to the certificate.");
            }

            using var key = PrivateKeyDecoder.Decode(keyBlocks[0], password, file, option);
            var leaf = certificates.FirstOrDefault(c => KeyPairMatch.Matches(key, c))
                ?? throw file.Error(CertificateFileError.KeyDoesNotMatchCertificate,
                    $"The private key in {file.Description} '{file.Path}' does not belong to the certificate '{certificates[0].Subject}'{(certificates.Count > 1 ? $" nor to the {certificates.Count - 1} other certificate(s) in the file" : "")}; put the certificate together with the key it was issued for (the key used for its CSR).");

            var intermediates = new X509Certificate2Collection();
            foreach (var other in certificates.Where(c => !ReferenceEquals(c, leaf)))
            {
                intermediates.Add(other);
            }

            var withKey = AttachKey(leaf, key);
            leaf.Dispose();
            return new CertificateKeyFile(file.Path, withKey, intermediates);
        }
        catch
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// CopyWithPrivateKey gives a certificate whose key lives in memory; on Linux SslStream uses it
    /// directly. (Windows' SChannel would need a round trip through PKCS#12; Tessera targets Linux.)
    /// </summary>
    private static X509Certificate2 AttachKey(X509Certificate2 certificate, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => certificate.CopyWithPrivateKey(rsa),
        ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
        _ => throw new InvalidOperationException($"No way to attach a {key.GetType().Name} key."),
    };

    private static CertificateKeyFile FromPkcs12(byte[] bytes, string? password, SourceFile file, CertificateKeyFileOption option)
    {
        var all = Pkcs12Content.Load(bytes, password, file, option);
        var leaf = all.FirstOrDefault(c => c.HasPrivateKey);
        if (leaf is null)
        {
            foreach (var certificate in all)
            {
                certificate.Dispose();
            }

            throw NoPrivateKey(file, "PKCS#12 certificates");
        }

        var intermediates = new X509Certificate2Collection();
        foreach (var other in all.Where(c => !ReferenceEquals(c, leaf)))
        {
            intermediates.Add(other);
        }

        return new CertificateKeyFile(file.Path, leaf, intermediates);
    }

    private static CertificateFileException NoPrivateKey(SourceFile file, string what) =>
        file.Error(CertificateFileError.NoPrivateKey,
            $"{file.Named} contains {what} but no private key; a certificate key file must contain both the certificate and its private key; concatenate them: cat cert.pem key.pem > combined.pem");

    private static string Labels(IEnumerable<PemBlock> blocks) =>
        string.Join(", ", blocks.Select(b => b.Label).Distinct().Select(l => $"'{l}'"));
}
