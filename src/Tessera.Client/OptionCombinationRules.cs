namespace Tessera.Client;

/// <summary>
/// Options that are each valid but contradict each other or the host list. The specs make these errors rather than
/// warnings because any choice between them would connect somewhere the user did not mean.
/// </summary>
internal static class OptionCombinationRules
{
    public static void Check(IReadOnlyList<ServerAddress> hosts, UriOptions options, bool isSrv)
    {
        var many = hosts.Count > 1;
        var direct = options.GetBoolean(UriOptionNames.DirectConnection) == true;
        var loadBalanced = options.GetBoolean(UriOptionNames.LoadBalanced) == true;
        var replicaSet = options.ContainsKey(UriOptionNames.ReplicaSet);

        Require(!(direct && many), "directConnection=true cannot be used with more than one host: give one host, or drop directConnection.");
        Require(!(loadBalanced && many), "loadBalanced=true cannot be used with more than one host: give the load balancer's address only.");
        Require(!(loadBalanced && replicaSet), "loadBalanced=true cannot be used with replicaSet: a load balancer hides the replica set.");
        Require(!(loadBalanced && direct), "loadBalanced=true cannot be used with directConnection=true.");

        Require(isSrv || !options.ContainsKey(UriOptionNames.SrvMaxHosts), "srvMaxHosts can only be used with mongodb+srv://.");
        Require(isSrv || !options.ContainsKey(UriOptionNames.SrvServiceName), "srvServiceName can only be used with mongodb+srv://.");
        if (options.GetInt32(UriOptionNames.SrvMaxHosts) > 0)
        {
            Require(!replicaSet, "srvMaxHosts cannot be used with replicaSet: a random subset of hosts may miss the set's members.");
            Require(!loadBalanced, "srvMaxHosts cannot be used with loadBalanced=true.");
        }

        var proxyHost = options.ContainsKey(UriOptionNames.ProxyHost);
        foreach (var name in new[] { UriOptionNames.ProxyPort, UriOptionNames.ProxyUsername, UriOptionNames.ProxyPassword })
        {
            Require(proxyHost || !options.ContainsKey(name), $"{name} cannot be used without proxyHost.");
        }

        Require(options.ContainsKey(UriOptionNames.ProxyUsername) == options.ContainsKey(UriOptionNames.ProxyPassword),
            "proxyUsername and proxyPassword must be given together.");

        CheckReadPreference(options);
    }

    /// <summary>The max-staleness spec: staleness and tag sets select among secondaries, so they contradict "primary" (the default mode).</summary>
    private static void CheckReadPreference(UriOptions options)
    {
        var mode = options.GetString(UriOptionNames.ReadPreference) ?? "primary";
        if (mode != "primary")
        {
            return;
        }

        Require(!(options.GetInt32(UriOptionNames.MaxStalenessSeconds) > 0),
            "maxStalenessSeconds cannot be used with readPreference primary (the default): choose another readPreference.");
        var tagSets = options.TryGetValue(UriOptionNames.ReadPreferenceTags, out var value) ? (List<object>)value : [];
        Require(tagSets.All(t => ((IReadOnlyDictionary<string, string>)t).Count == 0),
            "readPreferenceTags cannot be used with readPreference primary (the default): choose another readPreference.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidUriException(message);
        }
    }
}
