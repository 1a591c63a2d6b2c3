using Org.BouncyCastle.Asn1.X509;
using Tessera.Security.Issuing;
using Tessera.Security.Ocsp;
using Tessera.Security.Tests.Issuing;
using Tessera.Testing.Ocsp;

namespace Tessera.Security.Tests.Ocsp;

public class OcspResponseVerifierTests
{
    private static readonly OcspResponseVerifier Verifier = new();

    [Theory]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    [InlineData(KeyAlgorithm.Rsa2048)]
    public void A_good_answer_signed_by_the_issuer_is_good(KeyAlgorithm key)
    {
        using var pki = new OcspTestPki(key);
        var response = new TestOcspResponse { Signer = pki.Ca }.BuildFor(pki.Leaf, pki.Ca);

        var verified = Verifier.Verify(response, pki.Leaf, pki.Ca);

        Assert.Equal(OcspCertificateStatus.Good, verified.Status);
        Assert.Equal(OcspCertificateId.For(pki.Leaf, pki.Ca), verified.CertificateId);
        Assert.NotNull(verified.NextUpdate);
        Assert.Equal(response, verified.Der.ToArray());
    }

    [Fact]
    public void Responders_named_by_key_hash_are_recognised_too()
    {
        using var pki = new OcspTestPki(KeyAlgorithm.Rsa2048);
        using var responder = OcspTestPki.Responder(pki.Ca, ocspSigning: true);
        var byIssuer = new TestOcspResponse { Signer = pki.Ca, ResponderIdByKey = true }.BuildFor(pki.Leaf, pki.Ca);
        var byDelegate = new TestOcspResponse { Signer = responder, ResponderIdByKey = true }.BuildFor(pki.Leaf, pki.Ca);
        var lying = new TestOcspResponse { Signer = responder, ClaimedResponder = pki.Ca, ResponderIdByKey = true }.BuildFor(pki.Leaf, pki.Ca);

        Assert.Equal(OcspCertificateStatus.Good, Verifier.Verify(byIssuer, pki.Leaf, pki.Ca).Status);
        Assert.Equal(OcspCertificateStatus.Good, Verifier.Verify(byDelegate, pki.Leaf, pki.Ca).Status);
        Assert.Equal(OcspVerificationFailure.BadSignature, Assert.Throws<OcspVerificationException>(() => Verifier.Verify(lying, pki.Leaf, pki.Ca)).Failure);
    }

    [Fact]
    public void A_revoked_answer_carries_its_time_and_reason()
    {
        using var pki = new OcspTestPki();
        var revokedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var response = new TestOcspResponse
        {
            Signer = pki.Ca,
            Status = TestOcspAnswer.Revoked,
            RevocationTime = revokedAt,
            RevocationReason = CrlReason.Superseded,
        }.BuildFor(pki.Leaf, pki.Ca);

        var verified = Verifier.Verify(response, pki.Leaf, pki.Ca);

        Assert.Equal(OcspCertificateStatus.Revoked, verified.Status);
        Assert.Equal(revokedAt, verified.RevocationTime);
        Assert.Equal(OcspRevocationReason.Superseded, verified.RevocationReason);
    }

    [Fact]
    public void An_unknown_answer_is_unknown()
    {
        using var pki = new OcspTestPki();
        var response = new TestOcspResponse { Signer = pki.Ca, Status = TestOcspAnswer.Unknown }.BuildFor(pki.Leaf, pki.Ca);

        Assert.Equal(OcspCertificateStatus.Unknown, Verifier.Verify(response, pki.Leaf, pki.Ca).Status);
    }

    [Fact]
    public void An_answer_past_its_nextUpdate_has_expired()
    {
        using var pki = new OcspTestPki();
        var response = new TestOcspResponse
        {
            Signer = pki.Ca,
            ThisUpdate = DateTimeOffset.UtcNow.AddDays(-2),
            NextUpdate = DateTimeOffset.UtcNow.AddSeconds(-10),
        }.BuildFor(pki.Leaf, pki.Ca);

        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(response, pki.Leaf, pki.Ca));

        Assert.Equal(OcspVerificationFailure.Expired, failure.Failure);
        Assert.Contains("nextUpdate", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thisUpdate_in_the_future_is_refused_beyond_the_clock_skew_only()
    {
        using var pki = new OcspTestPki();
        var now = DateTimeOffset.UtcNow;
        var response = new TestOcspResponse { Signer = pki.Ca, ThisUpdate = now.AddMinutes(10) }.BuildFor(pki.Leaf, pki.Ca);

        var failure = Assert.Throws<OcspVerificationException>(() => new OcspResponseVerifier(new FixedTimeProvider(now)).Verify(response, pki.Leaf, pki.Ca));
        Assert.Equal(OcspVerificationFailure.NotYetValid, failure.Failure);
        Assert.Contains("clocks", failure.Message, StringComparison.Ordinal);

        var skewed = new OcspResponseVerifier(new FixedTimeProvider(now), clockSkew: TimeSpan.FromMinutes(15));
        Assert.Equal(OcspCertificateStatus.Good, skewed.Verify(response, pki.Leaf, pki.Ca).Status);
    }

    [Fact]
    public void An_answer_without_nextUpdate_is_accepted_but_not_current()
    {
        using var pki = new OcspTestPki();
        var response = new TestOcspResponse { Signer = pki.Ca, OmitNextUpdate = true }.BuildFor(pki.Leaf, pki.Ca);

        var verified = Verifier.Verify(response, pki.Leaf, pki.Ca);

        Assert.Null(verified.NextUpdate);
        Assert.False(verified.IsCurrent(DateTimeOffset.UtcNow));
    }

    [Fact]
    public void An_answer_claiming_the_issuer_but_signed_by_another_key_has_a_bad_signature()
    {
        using var pki = new OcspTestPki();
        using var impostor = TestPki.RootCa(name: "CN=Impostor,O=Elsewhere");
        var response = new TestOcspResponse { Signer = impostor, ClaimedResponder = pki.Ca }.BuildFor(pki.Leaf, pki.Ca);

        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(response, pki.Leaf, pki.Ca));

        Assert.Equal(OcspVerificationFailure.BadSignature, failure.Failure);
    }

    [Fact]
    public void An_answer_signed_by_an_unrelated_key_is_from_an_unauthorized_responder()
    {
        using var pki = new OcspTestPki();
        using var stranger = TestPki.RootCa(name: "CN=Stranger,O=Elsewhere");
        var response = new TestOcspResponse { Signer = stranger }.BuildFor(pki.Leaf, pki.Ca);

        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(response, pki.Leaf, pki.Ca));

        Assert.Equal(OcspVerificationFailure.UnauthorizedResponder, failure.Failure);
        Assert.Contains("CN=Stranger", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    [InlineData(KeyAlgorithm.Rsa2048)]
    public void A_delegated_responder_with_OCSPSigning_is_trusted(KeyAlgorithm key)
    {
        using var pki = new OcspTestPki();
        using var responder = OcspTestPki.Responder(pki.Ca, ocspSigning: true, key);
        var response = new TestOcspResponse { Signer = responder, Status = TestOcspAnswer.Revoked }.BuildFor(pki.Leaf, pki.Ca);

        Assert.Equal(OcspCertificateStatus.Revoked, Verifier.Verify(response, pki.Leaf, pki.Ca).Status);
    }

    [Fact]
    public void A_delegated_responder_without_OCSPSigning_is_unauthorized()
    {
        using var pki = new OcspTestPki();
        using var responder = OcspTestPki.Responder(pki.Ca, ocspSigning: false);
        var response = new TestOcspResponse { Signer = responder }.BuildFor(pki.Leaf, pki.Ca);

        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(response, pki.Leaf, pki.Ca));

        Assert.Equal(OcspVerificationFailure.UnauthorizedResponder, failure.Failure);
        Assert.Contains("id-kp-OCSPSigning", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delegated_responder_of_another_CA_is_unauthorized_even_with_OCSPSigning()
    {
        using var pki = new OcspTestPki();
        using var otherCa = TestPki.RootCa(name: "CN=Other CA,O=Elsewhere");
        using var responder = OcspTestPki.Responder(otherCa, ocspSigning: true);
        var response = new TestOcspResponse { Signer = responder }.BuildFor(pki.Leaf, pki.Ca);

        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(response, pki.Leaf, pki.Ca));

        Assert.Equal(OcspVerificationFailure.UnauthorizedResponder, failure.Failure);
        Assert.Contains("CN=Other CA", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delegated_responder_whose_certificate_is_left_out_is_unauthorized()
    {
        using var pki = new OcspTestPki();
        using var responder = OcspTestPki.Responder(pki.Ca, ocspSigning: true);
        var response = new TestOcspResponse { Signer = responder, IncludeSignerCertificate = false }.BuildFor(pki.Leaf, pki.Ca);

        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(response, pki.Leaf, pki.Ca));

        Assert.Equal(OcspVerificationFailure.UnauthorizedResponder, failure.Failure);
    }

    [Fact]
    public void An_answer_for_another_certificate_is_the_wrong_certificate()
    {
        using var pki = new OcspTestPki();
        using var other = OcspTestPki.Server(pki.Ca, "CN=db2.example.net");
        var response = new TestOcspResponse { Signer = pki.Ca }.BuildFor(other, pki.Ca);

        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(response, pki.Leaf, pki.Ca));

        Assert.Equal(OcspVerificationFailure.WrongCertificate, failure.Failure);
        Assert.Contains("CN=db1.example.net", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_for_the_same_serial_under_another_issuer_is_the_wrong_certificate()
    {
        using var pki = new OcspTestPki();
        using var otherCa = TestPki.RootCa(name: "CN=Other CA,O=Elsewhere");
        var response = new TestOcspResponse { Signer = otherCa }.BuildFor(pki.Leaf, otherCa);

        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(response, pki.Leaf, pki.Ca));

        Assert.Equal(OcspVerificationFailure.WrongCertificate, failure.Failure);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x30, 0x03, 0x0A, 0x01 })]
    [InlineData(new byte[] { (byte)'<', (byte)'h', (byte)'t', (byte)'m', (byte)'l', (byte)'>' })]
    public void Garbage_is_malformed(byte[] garbage)
    {
        using var pki = new OcspTestPki();

        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(garbage, pki.Leaf, pki.Ca));

        Assert.Equal(OcspVerificationFailure.Malformed, failure.Failure);
    }

    [Fact]
    public void An_unsuccessful_response_status_is_named()
    {
        using var pki = new OcspTestPki();
        // OCSPResponse { responseStatus tryLater(3) } with no body, as a busy responder sends it.
        byte[] tryLater = [0x30, 0x03, 0x0A, 0x01, 0x03];

        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(tryLater, pki.Leaf, pki.Ca));

        Assert.Equal(OcspVerificationFailure.Unsuccessful, failure.Failure);
        Assert.Contains("tryLater", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nonce_other_than_the_request_s_is_refused()
    {
        using var pki = new OcspTestPki();
        var ids = new[] { OcspCertificateId.For(pki.Leaf, pki.Ca) };
        var response = new TestOcspResponse { Signer = pki.Ca }.Build(ids.Select(TestOcspIds.ToBouncyCastle), nonce: [9, 9, 9]);

        Assert.Equal(OcspCertificateStatus.Good, Verifier.Verify(response, pki.Leaf, pki.Ca, [9, 9, 9]).Status);
        var failure = Assert.Throws<OcspVerificationException>(() => Verifier.Verify(response, pki.Leaf, pki.Ca, [1, 2, 3]));
        Assert.Equal(OcspVerificationFailure.NonceMismatch, failure.Failure);
    }
}
