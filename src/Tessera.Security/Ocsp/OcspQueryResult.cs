namespace Tessera.Security.Ocsp;

/// <summary>
/// What asking a responder gave: a verified response (whose status may be Revoked, a hard answer), or a
/// soft failure, which says nothing about the certificate and which a caller soft-fails on.
/// </summary>
public sealed record OcspQueryResult
{
    private OcspQueryResult(OcspVerifiedResponse? response, OcspSoftFailure? failure, string? message)
    {
        Response = response;
        SoftFailure = failure;
        FailureMessage = message;
    }

    public OcspVerifiedResponse? Response { get; }

    public OcspSoftFailure? SoftFailure { get; }

    /// <summary>Why there is no answer, naming the responder URL; null when <see cref="Response"/> is set.</summary>
    public string? FailureMessage { get; }

    /// <summary>Only a verified Revoked is a reason to refuse a certificate.</summary>
    public bool IsRevoked => Response?.Status == OcspCertificateStatus.Revoked;

    public static OcspQueryResult Answered(OcspVerifiedResponse response) => new(response, null, null);

    public static OcspQueryResult Failed(OcspSoftFailure failure, string message) => new(null, failure, message);
}
