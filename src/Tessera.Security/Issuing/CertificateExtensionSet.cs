using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;

namespace Tessera.Security.Issuing;

/// <summary>The extensions one <see cref="IssueRequest"/> asks for: the profile's defaults, then the request's options and overrides.</summary>
internal static class CertificateExtensionSet
{
    public static IEnumerable<X509Extension> For(
        IssueRequest request,
        X509SubjectKeyIdentifierExtension subjectKeyId,
        X509AuthorityKeyIdentifierExtension authorityKeyId)
    {
        yield return request.Profile == CertificateProfile.Ca
            ? X509BasicConstraintsExtension.CreateForCertificateAuthority()
            : X509BasicConstraintsExtension.CreateForEndEntity();

        var keyUsage = request.KeyUsageOverride ?? CertificateProfileDefaults.KeyUsage(request.Profile, request.KeyAlgorithm);
        if (keyUsage != X509KeyUsageFlags.None)
        {
            yield return new X509KeyUsageExtension(keyUsage, critical: true);
        }

        var extendedKeyUsages = request.ExtendedKeyUsageOverride ?? CertificateProfileDefaults.ExtendedKeyUsages(request.Profile);
        if (extendedKeyUsages.Count > 0)
        {
            var oids = new OidCollection();
            foreach (var oid in extendedKeyUsages)
            {
                oids.Add(new Oid(oid));
            }

            yield return new X509EnhancedKeyUsageExtension(oids, critical: false);
        }

        if (!request.OmitSubjectAlternativeName && (request.Hosts.Count > 0 || request.Email is not null))
        {
            yield return HostSubjectAlternativeName.Create(request.Hosts, request.Email, request.Subject);
        }

        yield return subjectKeyId;
        yield return authorityKeyId;

        if (request.OcspResponderUrl is not null)
        {
            yield return new X509AuthorityInformationAccessExtension([request.OcspResponderUrl.AbsoluteUri], caIssuersUris: null);
        }

        if (request.CrlDistributionPointUrl is not null)
        {
            yield return CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([request.CrlDistributionPointUrl.AbsoluteUri]);
        }

        if (request.MustStaple)
        {
            yield return TlsFeatureExtension.CreateMustStaple();
        }

        if (request.MongoRoles is not null)
        {
            yield return MongoCertificateExtensions.CreateMongoRoles(request.MongoRoles);
        }

        if (request.ClusterMembership is not null)
        {
            yield return MongoCertificateExtensions.CreateClusterMembership(request.ClusterMembership);
        }
    }
}
