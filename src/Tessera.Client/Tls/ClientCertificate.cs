using Tessera.Security.Files;

namespace Tessera.Client.Tls;

/// <summary>
/// The client certificate of tlsCertificateKeyFile as TLS sends it: the leaf with its key (combined PEM, encrypted
/// PKCS#8 or traditional key with tlsCertificateKeyFilePassword, or PKCS#12) and the file's intermediates after it, as
/// OpenSSL's use_certificate_chain_file does for PyMongo.
/// </summary>
public static class ClientCertificate
{
    /// <summary>Null when the settings name no certificate key file.</summary>
    /// <exception cref="CertificateFileException">The file cannot be used; the message names the option and the fix.</exception>
    public static CertificateKeyFile? Load(TlsSettings tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        return tls.CertificateKeyFile is null ? null : CertificateKeyFile.Load(tls.CertificateKeyFile, tls.CertificateKeyFilePassword);
    }
}
