using Tessera.Client.Connection;

namespace Tessera.Client.Tls;

/// <summary>One check of the server's certificate: its status, what was found or why it was skipped, and the failure.</summary>
public sealed record CertificateCheckResult(CheckStatus Status, string Detail, ConnectionFailure? Failure = null)
{
    public static CertificateCheckResult NotRun { get; } = new(CheckStatus.NotRun, "not reached");

    public static CertificateCheckResult Passed(string detail) => new(CheckStatus.Passed, detail);

    public static CertificateCheckResult Skipped(string reason) => new(CheckStatus.Skipped, reason);

    public static CertificateCheckResult Failed(ConnectionFailure failure) => new(CheckStatus.Failed, failure.Cause, failure);
}
