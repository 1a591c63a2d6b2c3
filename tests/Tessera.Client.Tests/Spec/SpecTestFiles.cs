using System.Text.Json;

namespace Tessera.Client.Tests.Spec;

/// <summary>
/// The MongoDB specification test files, read in place from ../shared/spec-tests beside the repository (their
/// licence forbids bundling them, so they are never copied in).
/// </summary>
internal static class SpecTestFiles
{
    public const string TlsOptions = "uri-options/tests/tls-options.json";
    public const string AuthOptions = "uri-options/tests/auth-options.json";
    public const string AuthLegacy = "auth/tests/legacy/connection-string.json";
    public const string ValidAuth = "connection-string/tests/valid-auth.json";
    public const string ValidOptions = "connection-string/tests/valid-options.json";
    public const string InvalidUris = "connection-string/tests/invalid-uris.json";
    public const string ValidWarnings = "connection-string/tests/valid-warnings.json";

    private static readonly Lazy<string> Root = new(FindRoot);

    public static string SourceFolder => Root.Value;

    public static string PathOf(string relative) => Path.Combine(SourceFolder, relative);

    public static IReadOnlyList<JsonElement> Cases(string relative)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(relative)));
        return [.. document.RootElement.GetProperty("tests").EnumerateArray().Select(e => e.Clone())];
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tessera.slnx")))
            {
                var source = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "spec-tests", "source"));
                return Directory.Exists(source)
                    ? source
                    : throw new DirectoryNotFoundException($"The spec tests are expected at {source} (../shared/spec-tests beside the repository).");
            }
        }

        throw new DirectoryNotFoundException($"No Tessera.slnx above {AppContext.BaseDirectory}.");
    }
}
