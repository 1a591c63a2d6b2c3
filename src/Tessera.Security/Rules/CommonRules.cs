using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;
using Tessera.Security.Names;
using Tessera.Security.Tls;

namespace Tessera.Security.Rules;

/// <summary>Rules for every role: validity, expiry warning, issuer, subject preparation, CA flag.</summary>
internal static class CommonRules
{
    public static IEnumerable<Finding> Check(
        CertificateFacts facts, LintOptions options, X509Certificate2Collection? intermediates, List<string> notChecked)
    {
        var certificate = facts.Certificate;
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        if (options.Now > notAfter)
        {
            yield return new Finding(CertificateRules.Expired, $"Expired on {notAfter:u}.");
        }
        else if (options.Now < notBefore)
        {
            yield return new Finding(CertificateRules.NotYetValid, $"Not valid before {notBefore:u}.");
        }
        else if (options.ExpiryWarningDays > 0 && notAfter < options.Now.AddDays(options.ExpiryWarningDays))
        {
            var days = (int)Math.Floor((notAfter - options.Now).TotalDays);
            yield return new Finding(CertificateRules.ExpiresSoon, $"Expires in {days} day(s), on {notAfter:u}.");
        }

        if (facts.IsCertificateAuthority)
        {
            yield return new Finding(CertificateRules.IsCertificateAuthority, "basicConstraints says CA:TRUE.");
        }

        string? subjectProblem = null;
        try
        {
            _ = X509Name.FromCertificateSubject(certificate);
        }
        catch (NameNormalizationException e)
        {
            subjectProblem = e.Message;
        }

        if (subjectProblem is not null)
        {
            yield return new Finding(CertificateRules.UnnormalizableSubject, subjectProblem);
        }

        if (options.TrustedAuthorities is null)
        {
            notChecked.Add("issuer: pass --ca CA.pem to check that the deployment's CA issued it");
        }
        else if (ChainProblem(certificate, options.TrustedAuthorities, intermediates, options.Now) is { } problem)
        {
            yield return new Finding(CertificateRules.UntrustedIssuer, problem);
        }
    }

    /// <summary>Builds the chain against the CA file alone (never the system store), ignoring time, which has its own rules.</summary>
    private static string? ChainProblem(
        X509Certificate2 certificate, X509Certificate2Collection authorities, X509Certificate2Collection? intermediates, DateTimeOffset now)
    {
        using var chain = new X509Chain { ChainPolicy = CaFileTrust.Policy(authorities, intermediates) };
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;

        if (chain.Build(certificate))
        {
            return null;
        }

        var issuer = X509Name.Describe(certificate.IssuerName);
        var reasons = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct();
        return $"Issued by \"{issuer}\", which does not chain to the given CA file: {string.Join("; ", reasons)}";
    }
}
