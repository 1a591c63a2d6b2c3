namespace Tessera.Security.Tests.Issuing;

/// <summary>A clock stopped at one instant, so default validity dates can be asserted exactly.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
