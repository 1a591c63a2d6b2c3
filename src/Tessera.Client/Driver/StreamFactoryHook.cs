using System.Reflection;
using MongoDB.Driver.Core.Configuration;
using MongoDB.Driver.Core.Connections;

namespace Tessera.Client.Driver;

/// <summary>
/// MongoDB.Driver's one place to wrap the streams it opens: <c>ClusterBuilder.RegisterStreamFactory</c>, public in
/// driver 2.x and internal in 3.x (its IStreamFactory stays public). It is found once, by reflection, and a driver without
/// it is a configuration error up front rather than a silently unverified connection.
/// </summary>
internal static class StreamFactoryHook
{
    private const string MethodName = "RegisterStreamFactory";

    public static Action<ClusterBuilder, Func<IStreamFactory, IStreamFactory>> Find()
    {
        var method = typeof(ClusterBuilder).GetMethod(
            MethodName, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(Func<IStreamFactory, IStreamFactory>)])
            ?? throw new ClientConfigurationException(
                $"This MongoDB.Driver ({typeof(ClusterBuilder).Assembly.GetName().Version}) has no ClusterBuilder.{MethodName}, through which Tessera.Client "
                + "runs the driver's TLS (certificate checks and OCSP). Use the MongoDB.Driver version Tessera.Client was built with (3.14).");
        return (builder, wrapper) => method.Invoke(builder, [wrapper]);
    }
}
