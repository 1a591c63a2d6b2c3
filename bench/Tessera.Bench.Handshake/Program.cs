// Server CPU per mTLS handshake: Tessera's TLS acceptor (OpenSSL, client certificate judged in the handshake)
// against the reference .NET SslStream server, measured in the same run under the same external load.
// Usage: dotnet run -c Release --project bench/Tessera.Bench.Handshake [-- --seconds 5 --clients 2]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Tessera.Bench.Handshake;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Server;
using Tessera.Server.Configuration;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Server.Users;

var seconds = Argument(args, "--seconds", 5);
var clients = Argument(args, "--clients", 2);
var directory = Directory.CreateTempSubdirectory("tessera-bench-").FullName;
try
{
    var pki = DeploymentPki.Create(new DeploymentPkiOptions { Directory = directory, Organization = "Bench", Clients = ["client1"] });
    var server = CertificateKeyFile.Load(pki.Members[0].Path, null);
    var authorities = CertificateAuthorityFile.Load(pki.CaCertificatePath);

    var setup = new ServerSetup
    {
        Endpoints = [new IPEndPoint(IPAddress.Loopback, 0)],
        TlsMode = TlsMode.RequireTls,
        ServerCertificate = server,
        CertificateAuthorities = authorities,
    };
    await using var tessera = new TesseraServer(setup, new ServerLog(TextWriter.Null), new InMemoryUserStore());
    await tessera.StartAsync();
    await using var reference = new ReferenceTlsServer(server.Certificate, server.Intermediates, authorities[0]);
    reference.Start();

    Console.WriteLine($"server CPU per mTLS handshake (ECDSA P-256), {clients} openssl s_time clients, {seconds} s per cell");
    Console.WriteLine($"{"case",-22} {"server",-10} {"handshakes",10} {"µs CPU each",12} {"per CPU-second",15}");
    foreach (var (protocol, resume) in new[] { ("tls1_3", false), ("tls1_2", false), ("tls1_2", true) })
    {
        var load = new HandshakeLoad.Options(pki.CaCertificatePath, pki.Clients[0].Path, protocol, resume, clients, seconds);
        var name = $"{protocol} {(resume ? "resumed" : "full")}";
        var ours = await MeasureAsync(name, "tessera", tessera.Endpoints[0].Port, load);
        var theirs = await MeasureAsync(name, "reference", reference.Port, load);
        Console.WriteLine($"{name,-22} ratio tessera/reference CPU per handshake: {ours / theirs:0.00} (below 1 is better)");
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static async Task<double> MeasureAsync(string name, string server, int port, HandshakeLoad.Options load)
{
    await HandshakeLoad.RunAsync(port, load with { Seconds = 1 }); // warm-up: JIT, caches, session cache
    GC.Collect();
    var before = CpuTime();
    var handshakes = await HandshakeLoad.RunAsync(port, load);
    var cpu = CpuTime() - before;
    var each = cpu.TotalMicroseconds / Math.Max(handshakes, 1);
    Console.WriteLine($"{name,-22} {server,-10} {handshakes,10} {each,12:0} {1_000_000 / each,15:0}");
    return each;
}

static TimeSpan CpuTime()
{
    using var self = Process.GetCurrentProcess();
    return self.TotalProcessorTime;
}

static int Argument(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
