namespace Tessera.Security.Files;

/// <summary>The PEM labels under which openssl and .NET write private keys.</summary>
internal static class PrivateKeyLabels
{
    public const string Pkcs8 = "PRIVATE KEY";
    public const string EncryptedPkcs8 = "ENCRYPTED PRIVATE KEY";
    public const string Pkcs1Rsa = "RSA PRIVATE KEY";
    public const string Sec1Ec = "EC PRIVATE KEY";
    public const string Dsa = "DSA PRIVATE KEY";

    public static bool IsPrivateKey(string label) =>
        label is Pkcs8 or EncryptedPkcs8 or Pkcs1Rsa or Sec1Ec or Dsa;
}
