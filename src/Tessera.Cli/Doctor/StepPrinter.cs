using Tessera.Client.Connection;
using Tessera.Client.Tls;

namespace Tessera.Cli.Doctor;

/// <summary>
/// Prints each step of a connection as it passes, one aligned line each, and the failing step with its cause and fix.
/// The server's certificates are shown under the TLS handshake line, whether the client accepted them or not.
/// </summary>
internal sealed class StepPrinter : IConnectionObserver
{
    private readonly TextWriter _output;
    private ServerCertificateReport? _certificates;

    public StepPrinter(TextWriter output) => _output = output;

    public void StepPassed(ConnectionStep step, string detail)
    {
        Line(step, "ok", detail);
    }

    public void StepSkipped(ConnectionStep step, string reason) => Line(step, "skipped", reason);

    public void ServerCertificatePresented(ServerCertificateReport report) => _certificates = report;

    public void Failed(ConnectionStep step, string cause, string fix)
    {
        Line(step, "FAILED", "");
        _output.WriteLine($"      cause: {cause}");
        _output.WriteLine($"      fix:   {fix}");
    }

    private void Line(ConnectionStep step, string status, string detail)
    {
        _output.WriteLine($"  {Name(step),-14} {status,-8}{detail}".TrimEnd());
        if (step == ConnectionStep.TlsHandshake && _certificates is { Presented.Count: > 0 } report)
        {
            ChainDescription.Write(_output, report.Presented, indent: new string(' ', 25));
            _certificates = null;
        }
    }

    public static string Name(ConnectionStep step) => step switch
    {
        ConnectionStep.Resolve => "resolve",
        ConnectionStep.Tcp => "tcp",
        ConnectionStep.TlsHandshake => "tls handshake",
        ConnectionStep.HostName => "hostname",
        ConnectionStep.Revocation => "revocation",
        ConnectionStep.Ocsp => "ocsp",
        ConnectionStep.Hello => "hello",
        ConnectionStep.Login => "x509 login",
        ConnectionStep.Command => "ping",
        _ => step.ToString(),
    };
}
