using System.Diagnostics;

namespace Tessera.Security.Tests.Support;

/// <summary>Runs the real openssl binary: the independent judge of what Tessera issues.</summary>
internal static class OpenSsl
{
    private const string Executable = "/usr/bin/openssl";

    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}: {Output}";
    }

    /// <summary>Runs openssl with the arguments (no shell) and returns its exit code with stdout and stderr together.</summary>
    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"openssl {string.Join(' ', arguments)} did not finish within 60 s.");
        }

        return new Result(process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }

    /// <summary>Runs openssl to make a test file; a failure is a broken test setup, so it throws.</summary>
    public static string Check(params string[] arguments)
    {
        var result = Run(arguments);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed: {result}");
    }
}
