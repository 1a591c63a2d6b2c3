using System.Diagnostics;

namespace Tessera.Security.Tests.Files;

/// <summary>
/// Runs the real openssl CLI: the user-style files (encrypted keys, PKCS#12, DER CRLs) are made the
/// way users make them, so the loaders are tested against openssl's output rather than our own.
/// </summary>
internal static class OpenSsl
{
    public static void Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr}{stdout.Result}");
        }
    }
}
