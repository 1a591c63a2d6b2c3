namespace Tessera.Security.Files;

/// <summary>
/// One <c>-----BEGIN label-----</c> … <c>-----END label-----</c> block of a PEM file.
/// </summary>
/// <param name="Label">The label, e.g. <c>CERTIFICATE</c>, <c>RSA PRIVATE KEY</c>, <c>X509 CRL</c>.</param>
/// <param name="Headers">RFC 1421 headers (<c>Proc-Type</c>, <c>DEK-Info</c>); empty for modern PEM.</param>
/// <param name="Contents">The decoded bytes (DER, or ciphertext when the headers say the block is encrypted).</param>
/// <param name="Text">The whole block as written, for readers that need the headers too.</param>
/// <param name="Ordinal">The block's position in the file, from 1, for messages.</param>
internal sealed record PemBlock(
    string Label,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Contents,
    string Text,
    int Ordinal)
{
    /// <summary>
    /// True for the traditional OpenSSL encryption (<c>Proc-Type: 4,ENCRYPTED</c> with <c>DEK-Info</c>),
    /// which <c>openssl rsa -aes256 -traditional</c> and <c>openssl ec -aes256</c> write.
    /// </summary>
    public bool IsTraditionallyEncrypted =>
        Headers.TryGetValue("Proc-Type", out var procType) &&
        procType.Contains("ENCRYPTED", StringComparison.OrdinalIgnoreCase);
}
