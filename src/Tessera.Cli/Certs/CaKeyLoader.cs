using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;

namespace Tessera.Cli.Certs;

/// <summary>
/// Finds the issuing CA's certificate and private key the ways operators keep them: in one file, in a key
/// file given with --ca-key, or in CA.key beside CA.pem (what certs init and certs issue ca write).
/// </summary>
internal static class CaKeyLoader
{
    private static readonly CertificateKeyFileOption CaOption = new("--ca", "--ca-password");

    public static X509Certificate2 Load(string caFile, string? keyFile, string? password)
    {
        var besideIt = Path.ChangeExtension(caFile, ".key");
        keyFile ??= File.Exists(besideIt) && !string.Equals(Path.GetFullPath(besideIt), Path.GetFullPath(caFile), StringComparison.Ordinal) ? besideIt : null;
        return keyFile is null
            ? CertificateKeyFile.Load(caFile, password, CaOption).Certificate
            : CertificateKeyFile.Load(caFile, keyFile, password, CaOption).Certificate;
    }
}
