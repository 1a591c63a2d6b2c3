namespace Tessera.Security.Issuing;

/// <summary>Times as X.509 can hold them.</summary>
internal static class X509Time
{
    /// <summary>
    /// UTCTime and GeneralizedTime in certificates and CRLs have no fractions of a second; truncating
    /// first makes the value the caller asked for exactly the value written.
    /// </summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
