namespace Tessera.Server.Tests;

public class ServerInfoTests
{
    [Fact]
    public void Speaks_a_wire_version_current_drivers_accept()
    {
        // MongoDB.Driver 3.x requires wire version 8 (MongoDB 4.2) or newer.
        Assert.InRange(ServerInfo.MaxWireVersion, 8, 30);
    }
}
