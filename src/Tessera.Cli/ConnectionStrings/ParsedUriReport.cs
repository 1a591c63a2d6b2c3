using Tessera.Client;

namespace Tessera.Cli.ConnectionStrings;

/// <summary>
/// What `tessera uri parse` prints, with every secret already replaced: the report is built from redacted values so
/// that no output path (text or JSON) can print a password in clear.
/// </summary>
internal sealed record ParsedUriReport(
    string Scheme,
    IReadOnlyList<string> Hosts,
    string? UserName,
    string? Password,
    string? Database,
    IReadOnlyDictionary<string, object> Options,
    IReadOnlyList<string> Warnings,
    ParsedUriReport.TlsReport Tls,
    ParsedUriReport.CredentialReport? Credential)
{
    internal sealed record TlsReport(
        bool Enabled, bool AllowInvalidCertificates, bool AllowInvalidHostnames, bool DisableOcspEndpointCheck,
        bool DisableCertificateRevocationCheck, string? CAFile, string? CrlFile, string? CertificateKeyFile, string? CertificateKeyFilePassword);

    internal sealed record CredentialReport(string? Mechanism, string Source, string? UserName, string? Password, IReadOnlyDictionary<string, string>? MechanismProperties);

    public static ParsedUriReport Of(ConnectionString parsed, ClientCredential? credential)
    {
        var tls = parsed.TlsSettings;
        return new ParsedUriReport(
            parsed.IsSrv ? "mongodb+srv" : "mongodb",
            [.. parsed.Hosts.Select(h => parsed.IsSrv ? h.Host : h.ToString())],
            parsed.UserName,
            Redact(parsed.Password),
            parsed.Database,
            parsed.Options.Redacted(),
            parsed.Warnings,
            new TlsReport(
                tls.Enabled, tls.AllowInvalidCertificates, tls.AllowInvalidHostnames, tls.DisableOcspEndpointCheck,
                tls.DisableCertificateRevocationCheck, tls.CAFile, tls.CrlFile, tls.CertificateKeyFile, Redact(tls.CertificateKeyFilePassword)),
            credential is null
                ? null
                : new CredentialReport(
                    credential.Mechanism, credential.Source, credential.UserName, Redact(credential.Password),
                    credential.MechanismProperties.Count == 0 ? null : credential.MechanismProperties));
    }

    private static string? Redact(string? secret) => secret is null ? null : UriOptions.RedactedValue;
}
