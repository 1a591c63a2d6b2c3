using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Tessera.Testing;

/// <summary>
/// A real `tessera serve --dev DIR` process on a free loopback port, as a user runs it: requireTLS, X.509 login and
/// authorization, the PKI of <see cref="TestPki"/> (alice is root), its own data folder. Extra mongod options (another
/// --tlsCertificateKeyFile, --tlsDisabledProtocols...) win over the dev defaults. <see cref="StartWithoutTlsAsync"/> is
/// the plain server for a client that wrongly asks for TLS. Stopped by its own process id.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly Task _drain;

    private readonly string _dataDirectory;
    private readonly bool _ownsData;

    private ServeProcess(Process process, int port, IEnumerable<string> logSoFar, string dataDirectory, bool ownsData)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _ownsData = ownsData;
        Port = port;
        foreach (var line in logSoFar)
        {
            _log.Enqueue(line);
        }

        // Keep reading, or a full pipe would stall the server's logging.
        _drain = DrainAsync(process, _log);
    }

    public int Port { get; }

    /// <summary>The server's log lines so far (mongod's JSON, one per line).</summary>
    public IReadOnlyCollection<string> Log => _log;

    /// <summary>
    /// Waits (up to 10 s) for a log line with mongod's log id <paramref name="id"/> that contains <paramref name="text"/>;
    /// the log arrives through a pipe, a little after the event.
    /// </summary>
    public async Task<string?> WaitForLogAsync(int id, string text)
    {
        var marker = $"\"id\":{id},";
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            if (_log.FirstOrDefault(line => line.Contains(marker, StringComparison.Ordinal) && line.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        return null;
    }

    public static Task<ServeProcess> StartAsync(TestPki pki, params string[] options)
    {
        ArgumentNullException.ThrowIfNull(pki);
        return StartAsync(pki.Directory, ["--dev", pki.Directory, .. options], dataDirectory: null);
    }

    /// <summary>As <see cref="StartAsync(TestPki, string[])"/> on a data directory the caller keeps (to restart on it).</summary>
    public static Task<ServeProcess> StartOnAsync(TestPki pki, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(pki);
        return StartAsync(pki.Directory, ["--dev", pki.Directory], dataDirectory);
    }

    /// <summary>
    /// `tessera serve` with exactly <paramref name="options"/> (mongod options, no --dev defaults), for a test that brings
    /// its own PKI; <paramref name="workingDirectory"/> is where relative paths resolve.
    /// </summary>
    public static Task<ServeProcess> StartWithOptionsAsync(string workingDirectory, params string[] options) =>
        StartAsync(workingDirectory, options, dataDirectory: null);

    /// <summary>`tessera serve` without TLS (tlsMode disabled, mongod's default) and without authorization.</summary>
    public static Task<ServeProcess> StartWithoutTlsAsync(string workingDirectory) => StartAsync(workingDirectory, [], dataDirectory: null);

    /// <summary>Ends the server as a crash or power cut would: SIGKILL, no shutdown of any kind.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private static async Task<ServeProcess> StartAsync(string workingDirectory, IEnumerable<string> options, string? dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("tessera-serve-data-").FullName;
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "tessera.dll"), "serve", "--port", "0", "--dbpath", data }.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var (port, log) = await WaitForPortAsync(process);
            return new ServeProcess(process, port, log, data, ownsData: dataDirectory is null);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            if (dataDirectory is null)
            {
                Directory.Delete(data, recursive: true);
            }

            throw new InvalidOperationException($"tessera serve did not start ({e.Message}): {await stderr}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _drain;
        _process.Dispose();
        if (_ownsData)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    // The server logs mongod's "Waiting for connections" line (id 23016) with the port it listens on.
    private static async Task<(int Port, List<string> Log)> WaitForPortAsync(Process server)
    {
        var log = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            log.Add(line);
            using var entry = JsonDocument.Parse(line);
            if (entry.RootElement.GetProperty("id").GetInt32() == 23016)
            {
                return (entry.RootElement.GetProperty("attr").GetProperty("port").GetInt32(), log);
            }
        }

        throw new InvalidOperationException("tessera serve ended before listening");
    }

    private static async Task DrainAsync(Process server, ConcurrentQueue<string> log)
    {
        while (await server.StandardOutput.ReadLineAsync() is { } line)
        {
            log.Enqueue(line);
        }
    }
}
