using System.Security.Cryptography.X509Certificates;
using Tessera.Cli.Output;
using Tessera.Security.Names;

namespace Tessera.Cli.Certs;

/// <summary>EKU and KU names as OpenSSL spells them (serverAuth, digitalSignature), for --eku and --key-usage.</summary>
internal static class ExtensionNames
{
    private static readonly Dictionary<string, X509KeyUsageFlags> KeyUsages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["digitalSignature"] = X509KeyUsageFlags.DigitalSignature, ["nonRepudiation"] = X509KeyUsageFlags.NonRepudiation,
        ["keyEncipherment"] = X509KeyUsageFlags.KeyEncipherment, ["dataEncipherment"] = X509KeyUsageFlags.DataEncipherment,
        ["keyAgreement"] = X509KeyUsageFlags.KeyAgreement, ["keyCertSign"] = X509KeyUsageFlags.KeyCertSign,
        ["cRLSign"] = X509KeyUsageFlags.CrlSign, ["encipherOnly"] = X509KeyUsageFlags.EncipherOnly, ["decipherOnly"] = X509KeyUsageFlags.DecipherOnly,
    };

    /// <summary>EKU purposes by OpenSSL short name or dotted OID; "none" for no extension.</summary>
    public static IReadOnlyList<string> Purposes(string value) =>
        value.Equals("none", StringComparison.OrdinalIgnoreCase)
            ? []
            : CommaList.Parse(value).Select(name => AttributeNames.OidOf(name)
                ?? throw new ArgumentException($"--eku '{name}' is not a known purpose; use serverAuth, clientAuth, OCSPSigning or a dotted OID.")).ToArray();

    public static X509KeyUsageFlags KeyUsage(string value) =>
        value.Equals("none", StringComparison.OrdinalIgnoreCase)
            ? X509KeyUsageFlags.None
            : CommaList.Parse(value).Aggregate(X509KeyUsageFlags.None, (flags, name) => flags | (KeyUsages.TryGetValue(name, out var flag)
                ? flag
                : throw new ArgumentException($"--key-usage '{name}' is not a key usage; use {string.Join(", ", KeyUsages.Keys)}.")));
}
