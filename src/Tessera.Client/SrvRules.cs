namespace Tessera.Client;

/// <summary>
/// What a mongodb+srv:// string must look like before any DNS lookup: one host name, which the SRV and TXT records
/// are looked up under, with no port (the records carry the ports).
/// </summary>
internal static class SrvRules
{
    public static void Check(IReadOnlyList<ServerAddress> hosts, UriOptions options)
    {
        if (hosts.Count != 1)
        {
            throw new InvalidUriException(
                $"A mongodb+srv:// connection string names exactly one host (the SRV record name), not {hosts.Count}. To list servers, use mongodb://.");
        }

        var host = hosts[0];
        if (host.Kind != HostKind.Hostname)
        {
            throw new InvalidUriException($"A mongodb+srv:// host must be a DNS name, not '{host.Host}'.");
        }

        if (host.Port is not null)
        {
            throw new InvalidUriException(
                $"A mongodb+srv:// host cannot have a port (the SRV records give the ports): remove ':{host.Port}'.");
        }

        if (options.GetBoolean(UriOptionNames.DirectConnection) == true)
        {
            throw new InvalidUriException("directConnection=true cannot be used with mongodb+srv://, which may name several servers.");
        }
    }
}
