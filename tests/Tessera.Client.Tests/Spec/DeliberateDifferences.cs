namespace Tessera.Client.Tests.Spec;

/// <summary>
/// Spec cases where Tessera deliberately gives another answer, each with its reason and the answer Tessera gives
/// instead (asserted by the spec runner, so a difference cannot change unnoticed). Everything else must pass.
/// </summary>
internal static class DeliberateDifferences
{
    public sealed record Difference(string File, string Description, string Reason, string ExpectedErrorFragment);

    public static readonly IReadOnlyList<Difference> All =
    [
        new(SpecTestFiles.AuthLegacy, "should use username and password if specified (MONGODB-AWS)",
            "Contradicts \"should throw an exception if username and password provided (MONGODB-AWS)\" in the same file. "
            + "Tessera follows the newer rule (DRIVERS-3131): MONGODB-AWS credentials come only from the environment.",
            "MONGODB-AWS takes its credentials from the environment"),
        new(SpecTestFiles.AuthLegacy, "should use username, password and session token if specified (MONGODB-AWS)",
            "Same contradiction as above (DRIVERS-3131): no user, password or AWS_SESSION_TOKEN in the URI for MONGODB-AWS.",
            "MONGODB-AWS takes its credentials from the environment"),
    ];

    public static Difference? Find(string file, string description) =>
        All.FirstOrDefault(d => d.File == file && d.Description == description);
}
