using Tessera.Server.Authorization;

namespace Tessera.Server.Tests.Authorization;

/// <summary>Short names for resources in test tables: <c>cluster</c>, <c>any</c>, <c>db:test</c>, <c>ns:test.c</c>.</summary>
internal static class TestResources
{
    public static ResourcePattern Parse(string text) => text switch
    {
        "cluster" => ResourcePattern.Cluster,
        "any" => ResourcePattern.AnyResource,
        _ when text.StartsWith("db:", StringComparison.Ordinal) => ResourcePattern.ForDatabase(text[3..]),
        _ when text.StartsWith("ns:", StringComparison.Ordinal) => ResourcePattern.ForNamespace(text[3..]),
        _ => throw new ArgumentException($"unknown test resource '{text}'", nameof(text)),
    };
}
