using System.Net;

namespace Tessera.Security.Issuing;

/// <summary>
/// Groups the host names of a deployment into machines, one member certificate each. Names joined with
/// '+' belong to one machine ("db1.example.com+10.0.0.1"); the loopback names (localhost, 127.0.0.0/8, ::1)
/// always name the same machine, so "localhost,127.0.0.1" is one certificate that answers to both.
/// </summary>
public static class DeploymentHosts
{
    public static IReadOnlyList<IReadOnlyList<string>> Group(IEnumerable<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var groups = new List<List<string>>();
        List<string>? loopback = null;
        foreach (var entry in hosts.Select(h => h.Trim()).Where(h => h.Length > 0))
        {
            var names = entry.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (names.All(IsLoopback))
            {
                if (loopback is null)
                {
                    loopback = [];
                    groups.Add(loopback);
                }

                loopback.AddRange(names.Where(n => !loopback.Contains(n, StringComparer.OrdinalIgnoreCase)));
            }
            else
            {
                groups.Add(names);
            }
        }

        return groups;
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
