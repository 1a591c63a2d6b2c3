using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Names;

/// <summary>The <c>$external</c> user name MongoDB gives a client certificate: its subject, rendered by mongod.</summary>
public static class ExternalUserName
{
    public static string Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return X509Name.FromCertificateSubject(certificate).ToString();
    }
}
