namespace Tessera.Security.Ocsp;

/// <summary>
/// Verified conclusive responses (good or revoked) by CertID, each valid while thisUpdate ≤ now &lt;
/// nextUpdate, as the OCSP driver spec caches them. Unknown answers and answers without nextUpdate are
/// never kept: they say nothing about the next connection. Thread-safe.
/// </summary>
public sealed class OcspResponseCache
{
    private readonly Dictionary<OcspCertificateId, OcspVerifiedResponse> _entries = [];
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    public OcspResponseCache(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Keeps <paramref name="response"/> unless an entry with a later nextUpdate is already there.</summary>
    public void Store(OcspVerifiedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status == OcspCertificateStatus.Unknown || !response.IsCurrent(_time.GetUtcNow()))
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(response.CertificateId, out var existing) && existing.NextUpdate >= response.NextUpdate)
            {
                return;
            }

            _entries[response.CertificateId] = response;
        }
    }

    /// <summary>The cached response while it is current; an expired one is dropped.</summary>
    public OcspVerifiedResponse? Find(OcspCertificateId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
        {
            if (!_entries.TryGetValue(id, out var response))
            {
                return null;
            }

            if (response.IsCurrent(_time.GetUtcNow()))
            {
                return response;
            }

            _entries.Remove(id);
            return null;
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }
}
