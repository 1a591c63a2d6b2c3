using System.Text.Json;
using Tessera.Server.Logging;

namespace Tessera.Server.Tests.Logging;

/// <summary>Log lines in mongod's shape, bounded in size whatever a client sends.</summary>
public class ServerLogTests
{
    [Fact]
    public void A_line_has_mongods_fields()
    {
        var output = new StringWriter();
        var log = new ServerLog(output);
        log.Error(LogComponents.Network, 23256, "conn7", "SSL peer certificate validation failed", ("error", "certificate has expired"));
        using var line = JsonDocument.Parse(output.ToString());
        var root = line.RootElement;
        Assert.EndsWith("+00:00", root.GetProperty("t").GetProperty("$date").GetString(), StringComparison.Ordinal);
        Assert.Equal("E", root.GetProperty("s").GetString());
        Assert.Equal("NETWORK", root.GetProperty("c").GetString()!.Trim());
        Assert.Equal(23256, root.GetProperty("id").GetInt32());
        Assert.Equal("conn7", root.GetProperty("ctx").GetString());
        Assert.Equal("certificate has expired", root.GetProperty("attr").GetProperty("error").GetString());
    }

    [Fact]
    public void Long_attribute_values_are_cut_and_old_lines_are_dropped()
    {
        var log = new ServerLog(null);
        for (var i = 0; i < 1500; i++)
        {
            log.Info(LogComponents.Access, 5286307, "conn1", "Failed to authenticate", ("user", new string('x', 1_000_000)));
        }

        Assert.Equal(1024, log.Recent.Count);
        Assert.All(log.Recent, line => Assert.InRange(line.Length, ServerLog.MaxAttributeLength, ServerLog.MaxAttributeLength + 400));
    }

    [Fact]
    public void Startup_warnings_are_kept_for_get_log()
    {
        var log = new ServerLog(null);
        log.StartupWarning(LogComponents.Network, 551190, "Server certificate has no compatible Subject Alternative Name. This may prevent TLS clients from connecting");
        Assert.Contains("\"id\":551190", Assert.Single(log.StartupWarnings), StringComparison.Ordinal);
    }
}
