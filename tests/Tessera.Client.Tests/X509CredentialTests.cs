namespace Tessera.Client.Tests;

/// <summary>MONGODB-X509 per the auth spec: $external only, user optional, no password, no properties.</summary>
public sealed class X509CredentialTests
{
    private const string Subject = "CN=client,OU=Drivers,O=MongoDB,L=Reykjavik,ST=Reykjavik,C=IS";

    [Fact]
    public void The_user_is_optional_and_the_source_is_external()
    {
        var anonymous = X509Credential.Create();
        Assert.Null(anonymous.UserName);
        Assert.Equal("$external", anonymous.Source);
        Assert.Equal("MONGODB-X509", anonymous.Mechanism);
        Assert.Equal(Subject, X509Credential.Create(Subject, source: "$external").UserName);
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("")]
    public void Any_password_even_an_empty_one_is_refused(string password)
    {
        var error = Assert.Throws<ClientConfigurationException>(() => X509Credential.Create(Subject, password));
        Assert.StartsWith("Passwords are not supported by MONGODB-X509", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("")]
    public void A_source_other_than_external_is_refused(string source)
    {
        var error = Assert.Throws<ClientConfigurationException>(() => X509Credential.Create(Subject, source: source));
        Assert.StartsWith("authentication source must be $external or None for MONGODB-X509", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mechanism_properties_are_refused()
    {
        Assert.Throws<ClientConfigurationException>(() =>
            X509Credential.Create(mechanismProperties: new Dictionary<string, string> { ["SERVICE_NAME"] = "x" }));
    }

    [Fact]
    public void From_a_uri_the_database_is_not_the_source()
    {
        var credential = ClientCredential.FromConnectionString(ConnectionString.Parse(
            "mongodb://CN%3Dclient%2COU%3DDrivers@h/app?authMechanism=MONGODB-X509&tls=true"));
        Assert.Equal(new ClientCredential("CN=client,OU=Drivers", null, "$external", "MONGODB-X509", credential!.MechanismProperties), credential);
    }

    [Fact]
    public void From_a_uri_a_password_is_refused_even_when_empty()
    {
        Assert.Throws<ClientConfigurationException>(() =>
            ClientCredential.FromConnectionString(ConnectionString.Parse("mongodb://user:@h/?authMechanism=MONGODB-X509")));
    }

    [Fact]
    public void No_userinfo_and_no_mechanism_means_no_credential()
    {
        Assert.Null(ClientCredential.FromConnectionString(ConnectionString.Parse("mongodb://h/db?authSource=admin&tls=true")));
    }
}
