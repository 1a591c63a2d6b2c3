using System.CommandLine;
using Tessera.Security.Issuing;

namespace Tessera.Cli.Certs;

/// <summary>--key-type: ECDSA P-256 by default (fast handshakes), RSA on request for older tooling.</summary>
internal static class KeyTypeOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--key-type") { Description = "ecdsa (P-256, the default), rsa (2048 bits) or rsa4096.", DefaultValueFactory = _ => "ecdsa" };
        option.AcceptOnlyFromAmong("ecdsa", "rsa", "rsa4096");
        return option;
    }

    public static KeyAlgorithm Parse(string? value) => value switch
    {
        "rsa" => KeyAlgorithm.Rsa2048,
        "rsa4096" => KeyAlgorithm.Rsa4096,
        _ => KeyAlgorithm.EcdsaP256,
    };
}
