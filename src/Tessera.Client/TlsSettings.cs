namespace Tessera.Client;

/// <summary>
/// What a TLS connection is built from, after the rules: tlsInsecure expanded, tlsAllowInvalidCertificates=true
/// implying no OCSP endpoint check, and TLS turned on implicitly by the options that need it. Every flag has its
/// secure default; <see cref="CertificateKeyFilePassword"/> is never shown by <see cref="ToString"/>.
/// </summary>
public sealed record TlsSettings
{
    public static TlsSettings Disabled { get; } = new();

    public bool Enabled { get; init; }

    public bool AllowInvalidCertificates { get; init; }

    public bool AllowInvalidHostnames { get; init; }

    public bool DisableOcspEndpointCheck { get; init; }

    public bool DisableCertificateRevocationCheck { get; init; }

    public string? CAFile { get; init; }

    public string? CrlFile { get; init; }

    public string? CertificateKeyFile { get; init; }

    public string? CertificateKeyFilePassword { get; init; }

    /// <summary>OCSP checking asked for (<see cref="TlsOptions.Ocsp"/>); see <see cref="ChecksOcsp"/> for whether it runs.</summary>
    public bool Ocsp { get; init; } = true;

    /// <summary>
    /// Whether OCSP runs: asked for, and not turned off by tlsDisableCertificateRevocationCheck or by an unvalidated
    /// certificate (tlsAllowInvalidCertificates, tlsInsecure), as the OCSP spec requires.
    /// </summary>
    public bool ChecksOcsp => Enabled && Ocsp && !AllowInvalidCertificates && !DisableCertificateRevocationCheck;

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Enabled = {Enabled}, AllowInvalidCertificates = {AllowInvalidCertificates}, AllowInvalidHostnames = {AllowInvalidHostnames}, ");
        builder.Append($"DisableOcspEndpointCheck = {DisableOcspEndpointCheck}, DisableCertificateRevocationCheck = {DisableCertificateRevocationCheck}, ");
        builder.Append($"CAFile = {CAFile}, CrlFile = {CrlFile}, CertificateKeyFile = {CertificateKeyFile}, ");
        builder.Append($"CertificateKeyFilePassword = {(CertificateKeyFilePassword is null ? "" : UriOptions.RedactedValue)}, Ocsp = {Ocsp}");
        return true;
    }
}
