using System.Formats.Asn1;
using Tessera.Security.Names;

namespace Tessera.Security.Tests.Names;

/// <summary>The worked examples of server-behavior.md §2.5, each from a real certificate's DER.</summary>
public class SubjectRenderingTests
{
    [Fact]
    public void Client_certificate_renders_in_reverse_encoded_order()
    {
        using var cert = NameDer.KernelClient().Certificate();
        Assert.Equal("CN=client,OU=KernelUser,O=MongoDB,L=New York City,ST=New York,C=US", ExternalUserName.Of(cert));
    }

    [Fact]
    public void Email_address_uses_the_openssl_short_name_not_dotnet_E()
    {
        using var cert = NameDer.KernelClient().Add(Oids.Email, "example@mongodb.com", UniversalTagNumber.IA5String).Certificate();
        Assert.Equal(
            "emailAddress=example@mongodb.com,CN=client,OU=KernelUser,O=MongoDB,L=New York City,ST=New York,C=US",
            ExternalUserName.Of(cert));
    }

    [Fact]
    public void Special_characters_are_escaped_as_mongod_does()
    {
        using var cert = new NameDer()
            .Add(Oids.C, ",+").Add(Oids.ST, "\"\\<").Add(Oids.L, " >").Add(Oids.O, "; ").Add(Oids.OU, "Escape").Add(Oids.CN, "Test")
            .Certificate();
        Assert.Equal(@"CN=Test,OU=Escape,O=\;\ ,L=\ \>,ST=\""\\\<,C=\,\+", ExternalUserName.Of(cert));
    }

    [Fact]
    public void Utf8_bytes_are_hex_escaped_in_upper_case()
    {
        using var cert = NameDer.KernelClient("Kernel Users").Certificate();
        using var utf8 = new NameDer()
            .Add(Oids.C, "US", UniversalTagNumber.PrintableString).Add(Oids.ST, "New York").Add(Oids.L, "New York City")
            .Add(Oids.O, "MongoDB").Add(Oids.OU, "Kernel Users").Add(Oids.CN, "Калоян")
            .Certificate();
        Assert.Equal(
            @"CN=\D0\9A\D0\B0\D0\BB\D0\BE\D1\8F\D0\BD,OU=Kernel Users,O=MongoDB,L=New York City,ST=New York,C=US",
            ExternalUserName.Of(utf8));
    }

    [Fact]
    public void Multi_valued_rdns_reverse_their_der_sorted_members()
    {
        // openssl req -multivalue-rdn -subj "/CN=client+OU=KernelUser+O=MongoDB/L=New York City+ST=New York+C=US"
        using var cert = new NameDer()
            .AddMulti((Oids.CN, "client", UniversalTagNumber.UTF8String), (Oids.OU, "KernelUser", UniversalTagNumber.UTF8String), (Oids.O, "MongoDB", UniversalTagNumber.UTF8String))
            .AddMulti((Oids.L, "New York City", UniversalTagNumber.UTF8String), (Oids.ST, "New York", UniversalTagNumber.UTF8String), (Oids.C, "US", UniversalTagNumber.UTF8String))
            .Certificate();
        Assert.Equal("L=New York City+ST=New York+C=US,OU=KernelUser+O=MongoDB+CN=client", ExternalUserName.Of(cert));
    }

    [Fact]
    public void A_multi_valued_rdn_not_in_der_order_is_read_in_its_encoded_order()
    {
        // BER keeps the insertion order; mongod walks the entries as encoded, so the output reverses it.
        using var cert = new NameDer()
            .AddMulti((Oids.OU, "KernelUser", UniversalTagNumber.UTF8String), (Oids.CN, "client", UniversalTagNumber.UTF8String))
            .Certificate(AsnEncodingRules.BER);
        Assert.Equal("CN=client+OU=KernelUser", ExternalUserName.Of(cert));
    }

    [Fact]
    public void Unknown_oids_print_in_dotted_form()
    {
        using var cert = NameDer.KernelClient().Add("1.2.3.56", "RandoValue").Add("1.2.3.45", "Value,Rando").Certificate();
        Assert.Equal(
            @"1.2.3.45=Value\,Rando,1.2.3.56=RandoValue,CN=client,OU=KernelUser,O=MongoDB,L=New York City,ST=New York,C=US",
            ExternalUserName.Of(cert));
    }

    [Fact]
    public void Every_attribute_of_the_spec_table_uses_its_openssl_short_name()
    {
        // server-behavior.md §2.3: mongod's table, which agrees with OpenSSL (jstest x509_all_the_oids.js).
        var names = new Dictionary<int, string>
        {
            [3] = "CN", [4] = "SN", [5] = "serialNumber", [6] = "C", [7] = "L", [8] = "ST", [9] = "street", [10] = "O",
            [11] = "OU", [12] = "title", [13] = "description", [14] = "searchGuide", [15] = "businessCategory",
            [16] = "postalAddress", [17] = "postalCode", [18] = "postOfficeBox", [19] = "physicalDeliveryOfficeName",
            [20] = "telephoneNumber", [21] = "telexNumber", [22] = "teletexTerminalIdentifier",
            [23] = "facsimileTelephoneNumber", [24] = "x121Address", [25] = "internationaliSDNNumber",
            [26] = "registeredAddress", [27] = "destinationIndicator", [28] = "preferredDeliveryMethod",
            [29] = "presentationAddress", [30] = "supportedApplicationContext", [31] = "member", [32] = "owner",
            [33] = "roleOccupant", [34] = "seeAlso", [35] = "userPassword", [36] = "userCertificate",
            [37] = "cACertificate", [38] = "authorityRevocationList", [39] = "certificateRevocationList",
            [40] = "crossCertificatePair", [41] = "name", [42] = "GN", [43] = "initials", [44] = "generationQualifier",
            [45] = "x500UniqueIdentifier", [46] = "dnQualifier", [47] = "enhancedSearchGuide", [48] = "protocolInformation",
            [49] = "distinguishedName", [50] = "uniqueMember", [51] = "houseIdentifier", [52] = "supportedAlgorithms",
            [53] = "deltaRevocationList", [54] = "dmdName", [65] = "pseudonym", [72] = "role",
        };
        var der = new NameDer();
        foreach (var arc in names.Keys.Order())
        {
            der.Add($"2.5.4.{arc}", $"Datum-{arc}");
        }

        using var cert = der.Certificate();
        var expected = string.Join(",", names.Keys.OrderDescending().Select(arc => $"{names[arc]}=Datum-{arc}"));
        Assert.Equal(expected, ExternalUserName.Of(cert));
        Assert.StartsWith("role=Datum-72,pseudonym=Datum-65,dmdName=Datum-54,", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotnet_friendly_names_are_never_used()
    {
        using var cert = new NameDer()
            .Add(Oids.ST, "NY").Add(Oids.GN, "Ann").Add(Oids.Title, "Dr").Add(Oids.SerialNumber, "42").Add(Oids.Email, "a@b", UniversalTagNumber.IA5String)
            .Certificate();
        Assert.Equal("emailAddress=a@b,serialNumber=42,title=Dr,GN=Ann,ST=NY", ExternalUserName.Of(cert));
        Assert.Contains("E=a@b", cert.Subject, StringComparison.Ordinal); // what .NET would have said
    }

    [Fact]
    public void The_issuer_uses_the_same_renderer()
    {
        var issuer = new NameDer()
            .Add(Oids.C, "US", UniversalTagNumber.PrintableString).Add(Oids.ST, "New York").Add(Oids.L, "New York City")
            .Add(Oids.O, "MongoDB").Add(Oids.OU, "Kernel").Add(Oids.CN, "Kernel Test CA");
        using var cert = NameDer.CertificateWithSubject(issuer.Encode());
        Assert.Equal("CN=Kernel Test CA,OU=Kernel,O=MongoDB,L=New York City,ST=New York,C=US", X509Name.FromCertificateIssuer(cert).ToString());
    }

    [Fact]
    public void An_empty_subject_renders_as_an_empty_string()
    {
        using var cert = NameDer.CertificateWithSubject(new NameDer().Encode());
        Assert.Equal(string.Empty, ExternalUserName.Of(cert));
    }

    [Fact]
    public void Rendering_survives_an_encode_and_read_round_trip()
    {
        using var cert = NameDer.KernelClient().Add("1.2.3.45", "Value,Rando").Certificate();
        var name = X509Name.FromCertificateSubject(cert);
        var again = SubjectNameReader.Read(name.ToX500DistinguishedName().RawData).Normalize();
        Assert.Equal(name.ToString(), again.ToString());
        Assert.Equal(name, again);
    }
}
