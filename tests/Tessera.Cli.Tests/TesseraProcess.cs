using System.Diagnostics;

namespace Tessera.Cli.Tests;

/// <summary>Runs the real `tessera` executable (the built tessera.dll) as a user would, and captures what it prints.</summary>
internal static class TesseraProcess
{
    public static CommandResult Run(string workingDirectory, params string[] arguments) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "tessera.dll"), .. arguments], workingDirectory);

    public static CommandResult Start(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 60 s");
        }

        return new CommandResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>A temporary folder per test, removed afterwards.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("tessera-cli-").FullName;

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
