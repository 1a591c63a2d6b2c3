namespace Tessera.Tls.Client;

/// <summary>A client's judge of the server: its certificate first, then the OCSP response it stapled (or not).</summary>
public interface IServerCertificateJudge : IPeerCertificateJudge
{
    /// <summary>
    /// Called once per handshake after the certificate was admitted, when a staple was requested, with the DER OCSP
    /// response or null when the server stapled none. False ends the handshake (alert bad_certificate_status_response).
    /// </summary>
    bool AcceptStatus(byte[]? stapledResponse);
}
