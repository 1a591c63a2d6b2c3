namespace Tessera.Server.Tests.Configuration;

/// <summary>A YAML config file in the temporary folder, deleted after the test.</summary>
internal sealed class TempConfigFile : IDisposable
{
    public TempConfigFile(string yaml)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tessera-config-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(Path, yaml);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
