using Tessera.Client.Tls;

namespace Tessera.Client.Connection;

/// <summary>
/// Watches a connection open, step by step (<c>tessera doctor</c> prints each). A failing step is not reported here:
/// it ends the opening with a <see cref="ConnectionFailedException"/> or <see cref="ServerCommandException"/> that
/// names the step.
/// </summary>
public interface IConnectionObserver
{
    void StepPassed(ConnectionStep step, string detail);

    void StepSkipped(ConnectionStep step, string reason);

    /// <summary>The server's certificates and the client's checks of them, whether they were accepted or not.</summary>
    void ServerCertificatePresented(ServerCertificateReport report);
}

/// <summary>The observer of a connection nobody watches.</summary>
internal sealed class SilentObserver : IConnectionObserver
{
    public static SilentObserver Instance { get; } = new();

    public void StepPassed(ConnectionStep step, string detail)
    {
    }

    public void StepSkipped(ConnectionStep step, string reason)
    {
    }

    public void ServerCertificatePresented(ServerCertificateReport report)
    {
    }
}
