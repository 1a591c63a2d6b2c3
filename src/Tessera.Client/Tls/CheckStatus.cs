namespace Tessera.Client.Tls;

/// <summary>The outcome of one check of the server's certificate.</summary>
public enum CheckStatus
{
    /// <summary>Not reached: an earlier check failed.</summary>
    NotRun,
    Passed,
    Failed,

    /// <summary>Turned off by an option, or nothing to check with (e.g. no tlsCRLFile).</summary>
    Skipped,
}
