using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tessera.Bench.Handshake;

/// <summary>
/// Load from outside the process: parallel `openssl s_time` clients doing full (or resumed) mTLS handshakes
/// against a port, so the CPU the benchmark process spends is the server's alone.
/// </summary>
internal static partial class HandshakeLoad
{
    public sealed record Options(string CaFile, string ClientFile, string Protocol, bool Resume, int Clients, int Seconds);

    /// <summary>Runs the load and returns the number of handshakes the clients completed.</summary>
    public static async Task<long> RunAsync(int port, Options options)
    {
        var clients = Enumerable.Range(0, options.Clients).Select(_ => RunClientAsync(port, options)).ToArray();
        var counts = await Task.WhenAll(clients);
        return counts.Sum();
    }

    private static async Task<long> RunClientAsync(int port, Options options)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "s_time", "-connect", $"127.0.0.1:{port}", options.Resume ? "-reuse" : "-new", "-time", options.Seconds.ToString(CultureInfo.InvariantCulture),
            "-CAfile", options.CaFile, "-cert", options.ClientFile, "-key", options.ClientFile, "-" + options.Protocol,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await errors;

        // "1234 connections in 6 real seconds, 0 bytes read per connection"
        var match = ConnectionsLine().Match(text);
        return match.Success
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("openssl s_time printed no count:\n" + text);
    }

    [GeneratedRegex(@"(\d+) connections in \d+ real seconds")]
    private static partial Regex ConnectionsLine();
}
