using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Tls;

namespace Tessera.Tls;

/// <summary>Decides, inside one handshake, whether the peer's certificate is admitted (the client's on a server, the server's on a client).</summary>
public interface IPeerCertificateJudge
{
    /// <summary>
    /// <see cref="PeerFailure.None"/> admits the certificate; anything else ends the handshake with the alert
    /// <see cref="RefusalAlerts"/> names for it. The judge may keep the certificate it is given.
    /// </summary>
    PeerFailure Judge(X509Certificate2 certificate, X509Certificate2Collection presentedChain);
}
