using System.Diagnostics;

namespace Tessera.Server.Tests.Support;

/// <summary>
/// `openssl s_client`, a real TLS client outside .NET: it prints the TLS alert a server sends ("sslv3 alert
/// certificate revoked ... SSL alert number 44") and whether a session was resumed ("Reused, TLSv1.3").
/// </summary>
public static class OpenSslClient
{
    /// <summary>
    /// Connects, sends <paramref name="input"/> (if any), keeps reading for <paramref name="linger"/>, then closes its
    /// side; with <c>-ign_eof</c> in the arguments it reads until the server closes. Returns everything it printed.
    /// </summary>
    public static async Task<string> RunAsync(int port, IEnumerable<string> arguments, byte[]? input = null, TimeSpan? linger = null)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "s_client", "-connect", $"127.0.0.1:{port}", "-servername", "localhost" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
            await process.StandardInput.BaseStream.FlushAsync();
        }

        await Task.Delay(linger ?? TimeSpan.Zero);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException("openssl s_client did not finish: " + await output + await errors);
        }

        return await output + await errors;
    }
}
