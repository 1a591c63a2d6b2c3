using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Ocsp;

/// <summary>What a certificate says about its own OCSP checking: where to ask, and whether a staple is required.</summary>
public static class OcspCertificateInfo
{
    public const string TlsFeatureOid = "1.3.6.1.5.5.7.1.24";

    /// <summary>status_request, the TLS extension number (RFC 6066) that RFC 7633 lists to mean "must staple".</summary>
    private const int StatusRequestFeature = 5;

    /// <summary>The OCSP responder URLs of the Authority Information Access extension, in the certificate's order.</summary>
    public static IReadOnlyList<Uri> ResponderUrls(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var aia = certificate.Extensions.OfType<X509AuthorityInformationAccessExtension>().FirstOrDefault();
        if (aia is null)
        {
            return [];
        }

        // Only absolute HTTP(S) URLs can be POSTed to; LDAP or relative entries are skipped, as drivers do.
        return aia.EnumerateOcspUris()
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var url) ? url : null)
            .OfType<Uri>()
            .Where(u => u.Scheme is "http" or "https")
            .ToList();
    }

    /// <summary>
    /// True when the TLS Feature extension lists status_request (OCSP must-staple). The extension is a
    /// SEQUENCE OF INTEGER, so other features beside status_request still count.
    /// </summary>
    public static bool IsMustStaple(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var extension = certificate.Extensions.FirstOrDefault(e => e.Oid?.Value == TlsFeatureOid);
        if (extension is null)
        {
            return false;
        }

        try
        {
            var sequence = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (sequence.HasData)
            {
                if (sequence.TryReadInt32(out var feature) && feature == StatusRequestFeature)
                {
                    return true;
                }
            }

            return false;
        }
        catch (AsnContentException)
        {
            // A TLS Feature extension we cannot read still asks for stapling: failing closed is the safe reading.
            return true;
        }
    }
}
