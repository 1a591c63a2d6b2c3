namespace Tessera.Security.Ocsp;

/// <summary>Why a responder gave no usable answer. None of them means revoked.</summary>
public enum OcspSoftFailure
{
    /// <summary>No connection (refused, DNS, network).</summary>
    Unreachable,

    /// <summary>No complete answer within the timeout.</summary>
    Timeout,

    /// <summary>An HTTP status other than 200.</summary>
    HttpError,

    /// <summary>An answer that failed verification (garbage, bad signature, stale, another certificate…).</summary>
    InvalidResponse,
}
