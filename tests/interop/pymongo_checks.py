"""PyMongo 3.11 (Debian's python3-pymongo, run with /usr/bin/python3) against a started `tessera serve`.

Usage: pymongo_checks.py PHASE --port N --log SERVER_LOG --pki DIR --org ORG
  setup    requireTLS + auth, no user yet: alice creates her own $external user (localhost exception)
  main     requireTLS + auth + clusterAuthMode x509 + tlsCRLFile: the good login and every bad case
  keyfile  the same users (same dbpath), clusterAuthMode keyFile and no CRL
  disabled tlsMode disabled
Prints one PASS/FAIL line per case (see interop_lib.py); the exit status is 1 when any case failed.
"""

import argparse
import importlib
import sys
import urllib.parse

# These checks expect PyMongo's standard-library TLS back-end and its error texts. PyMongo 3.11 picks pyOpenSSL
# instead whenever `requests` imports (real-clients.md §1.1), and scripts/test.sh installs it for the OCSP checks
# (pymongo_ocsp_checks.py), so it is hidden here: the back-end falls back as on a machine without it.
sys.modules["requests"] = None

import pymongo  # noqa: E402 (after the back-end choice above)
from pymongo import MongoClient
from pymongo.errors import AutoReconnect, DuplicateKeyError, OperationFailure, ServerSelectionTimeoutError

from interop_lib import Report, ServerLog, die, error_text, expect_tls_refusal, log_id

TIMEOUT_MS = 2500


class Setup:
    def __init__(self, args):
        self.port = args.port
        self.pki = args.pki
        self.org = args.org
        self.log = ServerLog(args.log)
        self.ca = f"{self.pki}/ca.pem"

    def dn(self, cn, ou="Clients"):
        return f"CN={cn},OU={ou},O={self.org}"

    def cert(self, name):
        return {"alice": f"{self.pki}/clients/alice.pem",
                "bob": f"{self.pki}/clients/bob.pem",
                "expired": f"{self.pki}/clients/expired.pem",
                "revoked": f"{self.pki}/clients/revoked.pem",
                "member2": f"{self.pki}/clients/member2.pem",
                "otherca": f"{self.pki}/otherca/clients/alice.pem"}[name]

    def client(self, cert=None, x509=True, tls=True, username=None, ca=None):
        """A MongoClient as the brief describes: tls, tlsCAFile, tlsCertificateKeyFile, MONGODB-X509, 2.5 s."""
        options = {"serverSelectionTimeoutMS": TIMEOUT_MS, "connectTimeoutMS": TIMEOUT_MS}
        if tls:
            options.update(tls=True, tlsCAFile=ca or self.ca)
            if cert:
                options["tlsCertificateKeyFile"] = self.cert(cert)
        if x509:
            options["authMechanism"] = "MONGODB-X509"
        user = f"{urllib.parse.quote(username, safe='')}@" if username else ""
        return MongoClient(f"mongodb://{user}localhost:{self.port}/", **options)


def connection_status(client):
    return client.admin.command("connectionStatus")["authInfo"]


CLOSED = ("connection closed", "ECONNRESET", "Connection reset by peer", "[Errno 104]")


def expect_connection_refused(client, shows=CLOSED):
    """A refusal as PyMongo shows it inside a server-selection timeout: the TLS alert Tessera sends for a refused
    certificate (e.g. "sslv3 alert certificate revoked"), or a closed connection where TLS has no alert."""
    try:
        client.admin.command("ping")
    except ServerSelectionTimeoutError as e:
        text = str(e)
        assert any(s in text for s in shows), f"ServerSelectionTimeoutError, but none of {shows}: {text[:300]}"
        return f"ServerSelectionTimeoutError({text.split(', Timeout')[0]})"
    except AutoReconnect as e:
        return f"AutoReconnect({e})"
    finally:
        client.close()
    raise AssertionError("the command succeeded; the connection should have been refused")


def expect_auth_error(client, code, message):
    try:
        client.admin.command("connectionStatus")
    except OperationFailure as e:
        assert e.code == code, f"code {e.code} ({e.details}), expected {code}"
        assert e.details.get("errmsg") == message, f"errmsg {e.details.get('errmsg')!r}, expected {message!r}"
        return f"OperationFailure code {e.code} {e.details.get('codeName')}: {e.details.get('errmsg')}"
    finally:
        client.close()
    raise AssertionError("authentication succeeded; it should have failed")


def run_setup(s, report):
    def create_alice():
        client = s.client("alice", x509=False)
        try:
            reply = client.get_database("$external").command(
                "createUser", s.dn("alice"), roles=[{"role": "readWrite", "db": "test"}])
            assert reply.get("ok") == 1, reply
        finally:
            client.close()
        s.log.expect("id 20323 Created user", lambda e: log_id(e, 20323) and s.dn("alice") in e["attr"]["user"])
        return f"createUser {s.dn('alice')} roles readWrite@test without authenticating (localhost exception)"

    def second_user_refused():
        # The localhost exception ends with the first user: an unauthenticated createUser is now refused.
        client = s.client("bob", x509=False)
        try:
            client.get_database("$external").command("createUser", s.dn("bob"), roles=[])
        except OperationFailure as e:
            assert e.code == 13, f"code {e.code} {e.details}, expected 13 Unauthorized"
            return f"code 13 {e.details.get('codeName')}"
        finally:
            client.close()
        raise AssertionError("an unauthenticated client created a second user")

    s.log.mark()
    report.case("localhost-exception-create-user", create_alice)
    report.case("localhost-exception-ends", second_user_refused)


def run_main(s, report):
    alice = s.dn("alice")

    def good_login():
        s.log.mark()
        client = s.client("alice")
        try:
            info = connection_status(client)
            assert info["authenticatedUsers"] == [{"user": alice, "db": "$external"}], info
            assert {"role": "readWrite", "db": "test"} in info["authenticatedUserRoles"], info
            # PyMongo 3.11 authenticates inside its first isMaster (speculativeAuthenticate).
            s.log.expect("id 5286306 Successfully authenticated as alice, speculatively",
                         lambda e: log_id(e, 5286306) and e["attr"]["user"] == alice
                         and e["attr"]["mechanism"] == "MONGODB-X509" and e["attr"]["db"] == "$external"
                         and e["attr"]["isSpeculative"] is True)
            return f"authenticatedUsers={info['authenticatedUsers']} roles={info['authenticatedUserRoles']}; log 5286306 isSpeculative"
        finally:
            client.close()

    def commands_after_login():
        client = s.client("alice")
        try:
            assert client.admin.command("ping")["ok"] == 1
            build = client.admin.command("buildInfo")
            assert build.get("version"), build
            you = client.admin.command("whatsmyuri")["you"]
            assert you.startswith("127.0.0.1:"), you
            users = client.get_database("$external").command("usersInfo", alice)["users"]
            assert [u["user"] for u in users] == [alice], users
            assert users[0]["roles"] == [{"role": "readWrite", "db": "test"}], users
            return f"ping ok, buildInfo {build['version']}, whatsmyuri {you}, usersInfo(self) roles {users[0]['roles']}"
        finally:
            client.close()

    def writes_where_allowed():
        # readWrite@test: inserts into test work; an insert into another database is refused with 13.
        client = s.client("alice")
        try:
            result = client.test.interop.insert_many([{"by": "pymongo", "n": i} for i in range(3)])
            assert len(result.inserted_ids) == 3, result.inserted_ids
            try:
                client.elsewhere.interop.insert_one({"by": "pymongo"})
            except OperationFailure as e:
                assert e.code == 13, f"insert into elsewhere: code {e.code} {e.details}"
                return f"insert_many into test: 3 ids; insert into elsewhere refused with 13 {e.details.get('codeName')}"
            raise AssertionError("insert into a database alice has no role on succeeded")
        finally:
            client.close()

    def unique_index():
        client = s.client("alice")
        try:
            people = client.test.people
            name = people.create_index("email", unique=True)
            assert name == "email_1", name
            people.insert_one({"_id": 1, "email": "ann@example.com"})
            try:
                people.insert_one({"_id": 2, "email": "ann@example.com"})
            except DuplicateKeyError as e:
                expected = 'E11000 duplicate key error collection: test.people index: email_1 dup key: { email: "ann@example.com" }'
                assert e.details.get("errmsg") == expected, e.details
                indexes = sorted(index["name"] for index in people.list_indexes())
                assert indexes == ["_id_", "email_1"], indexes
                assert "people" in client.test.list_collection_names()
                return f"DuplicateKeyError: {e.details.get('errmsg')}; indexes {indexes}"
            raise AssertionError("a duplicate email was accepted")
        finally:
            client.close()

    def crud():
        # The everyday API over TLS with X.509: find with filter/sort/projection, update_many with operators, an
        # upsert, count_documents, distinct, aggregate with $group, find_one_and_update, delete_many, and a
        # cursor across several batches.
        client = s.client("alice")
        try:
            products = client.test.products
            products.insert_many([
                {"_id": 1, "name": "pen", "category": "office", "price": 1.5, "stock": 100},
                {"_id": 2, "name": "desk", "category": "furniture", "price": 250, "stock": 3},
                {"_id": 3, "name": "chair", "category": "furniture", "price": 80, "stock": 12},
                {"_id": 4, "name": "lamp", "category": "lighting", "price": 40, "stock": 0},
            ])
            found = list(products.find({"price": {"$gte": 40}}, {"_id": 0, "name": 1}).sort("price", -1))
            assert found == [{"name": "desk"}, {"name": "chair"}, {"name": "lamp"}], found
            raised = products.update_many({"category": "furniture"}, {"$inc": {"stock": 1}, "$set": {"checked": True}})
            assert (raised.matched_count, raised.modified_count) == (2, 2), raised.raw_result
            upserted = products.update_one({"name": "shelf"}, {"$set": {"price": 60}}, upsert=True)
            assert upserted.upserted_id is not None, upserted.raw_result
            assert products.count_documents({"checked": True}) == 2
            assert products.distinct("category") == ["furniture", "lighting", "office"], products.distinct("category")
            groups = list(products.aggregate([{"$match": {"category": {"$exists": True}}},
                                              {"$group": {"_id": "$category", "n": {"$sum": 1}}}, {"$sort": {"_id": 1}}]))
            assert groups == [{"_id": "furniture", "n": 2}, {"_id": "lighting", "n": 1}, {"_id": "office", "n": 1}], groups
            after = products.find_one_and_update({"_id": 2}, {"$inc": {"stock": -2}}, return_document=pymongo.ReturnDocument.AFTER)
            assert after["stock"] == 2, after
            assert products.delete_many({"stock": {"$lt": 5}}).deleted_count == 2
            client.test.many.insert_many([{"_id": i} for i in range(500)])
            ids = [d["_id"] for d in client.test.many.find({}, batch_size=50).sort("_id", -1)]
            assert ids == list(range(499, -1, -1)), ids[:5]
            return "find/sort/projection, update_many, upsert, count_documents, distinct, aggregate $group, " \
                   "find_one_and_update, delete_many, 500 documents in batches of 50"
        finally:
            client.close()

    def username_equal_to_subject():
        client = s.client("alice", username=alice)
        try:
            info = connection_status(client)
            assert info["authenticatedUsers"] == [{"user": alice, "db": "$external"}], info
            return f"username={alice} accepted"
        finally:
            client.close()

    def username_differs():
        s.log.mark()
        detail = expect_auth_error(s.client("alice", username=s.dn("mallory")), 18, "Authentication failed.")
        s.log.expect("id 5286307 'There is no x.509 client certificate matching the user.'",
                     lambda e: log_id(e, 5286307) and "no x.509 client certificate matching the user" in e["attr"]["error"])
        return detail

    def no_user():
        s.log.mark()
        bob = s.dn("bob")
        detail = expect_auth_error(s.client("bob"), 11, f'Could not find user "{bob}" for db "$external"')
        s.log.expect("id 5286307 UserNotFound result 11",
                     lambda e: log_id(e, 5286307) and e["attr"]["result"] == 11 and e["attr"]["user"] == bob)
        return detail

    def member_x509():
        s.log.mark()
        client = s.client("member2")
        try:
            info = connection_status(client)
            assert info["authenticatedUsers"] == [{"user": "__system", "db": "local"}], info
            s.log.expect("id 5286306 with isClusterMember true",
                         lambda e: log_id(e, 5286306) and e["attr"]["isClusterMember"] is True)
            return f"authenticatedUsers={info['authenticatedUsers']} (roles shown: {info['authenticatedUserRoles']})"
        finally:
            client.close()

    def refused(cert, reason, alert, log_number=23256, **kwargs):
        s.log.mark()
        detail = expect_connection_refused(s.client(cert, **kwargs), shows=(alert,))
        entry = expect_tls_refusal(s.log, reason, log_number)
        return f"{detail}; server log {entry['id']} {error_text(entry) or entry['msg']}"

    def other_ca():
        s.log.mark()
        detail = expect_connection_refused(s.client("otherca"), shows=("tlsv1 alert unknown ca",))
        # OpenSSL names a leaf from an unknown CA "unable to get local issuer certificate" (error 20), or
        # error 21 when the chain ends on the leaf itself (server-behavior.md §5.3).
        reasons = ("unable to get local issuer certificate", "unable to verify the first certificate")
        entry = s.log.expect("id 23256 with an unknown-issuer reason",
                             lambda e: log_id(e, 23256) and any(r in error_text(e) for r in reasons))
        reason = next(r for r in reasons if r in error_text(entry))
        expect_tls_refusal(s.log, reason)
        return f"{detail}; server log 23256 {error_text(entry)}"

    def plaintext():
        s.log.mark()
        detail = expect_connection_refused(s.client(tls=False, x509=False))
        s.log.expect("id 22988 'The server is configured to only allow SSL connections'",
                     lambda e: log_id(e, 22988) and e["attr"]["error"]["code"] == 141
                     and e["attr"]["error"]["errmsg"] == "The server is configured to only allow SSL connections")
        return f"{detail}; server log 22988 The server is configured to only allow SSL connections"

    report.case("good-login", good_login)
    report.case("commands-after-login", commands_after_login)
    report.case("insert", writes_where_allowed)
    report.case("unique-index", unique_index)
    report.case("crud", crud)
    report.case("username-equal-to-subject", username_equal_to_subject)
    report.case("username-differs-from-subject", username_differs)
    report.case("certificate-without-user", no_user)
    report.case("member-certificate-x509-cluster-auth", member_x509)
    report.case("expired-certificate", refused, "expired", "certificate has expired", "sslv3 alert certificate expired")
    report.case("revoked-certificate-with-crl", refused, "revoked", "certificate revoked", "sslv3 alert certificate revoked")
    report.case("certificate-from-another-ca", other_ca)
    report.case("no-client-certificate", refused, None, "No SSL certificate provided by peer",
                "tlsv13 alert certificate required", 23255)
    report.case("plaintext-to-requireTLS", plaintext)


def run_keyfile(s, report):
    def users_survive_restart():
        client = s.client("alice")
        try:
            info = connection_status(client)
            assert info["authenticatedUsers"] == [{"user": s.dn("alice"), "db": "$external"}], info
            return "alice still authenticates after a restart on the same dbpath"
        finally:
            client.close()

    def member_keyfile():
        s.log.mark()
        detail = expect_auth_error(s.client("member2"), 18, "Authentication failed.")
        s.log.expect("id 5286307 'can only be used for cluster authentication'",
                     lambda e: log_id(e, 5286307) and "can only be used for cluster authentication" in e["attr"]["error"])
        return detail

    def revoked_without_crl():
        # No --tlsCRLFile here: the revoked certificate passes TLS; it then fails only for lack of a user.
        dave = s.dn("revoked-dave")
        return expect_auth_error(s.client("revoked"), 11, f'Could not find user "{dave}" for db "$external"')

    report.case("users-survive-restart", users_survive_restart)
    report.case("member-certificate-keyFile-cluster-auth", member_keyfile)
    report.case("revoked-certificate-without-crl", revoked_without_crl)


def run_disabled(s, report):
    def tls_client():
        s.log.mark()
        client = s.client("alice")
        try:
            client.admin.command("ping")
            raise AssertionError("a TLS client reached a --tlsMode disabled server")
        except ServerSelectionTimeoutError as e:
            detail = str(e).split(", Timeout")[0]
        finally:
            client.close()
        s.log.expect("id 22988 'SSL handshake received but server is started without SSL support'",
                     lambda e: log_id(e, 22988)
                     and e["attr"]["error"]["errmsg"] == "SSL handshake received but server is started without SSL support")
        return f"ServerSelectionTimeoutError({detail})"

    def plaintext_client():
        client = s.client(tls=False, x509=False)
        try:
            assert client.admin.command("ping")["ok"] == 1
            return "plaintext ping ok (the server was up; only TLS was refused)"
        finally:
            client.close()

    report.case("tls-client-to-disabled", tls_client)
    report.case("plaintext-client-to-disabled", plaintext_client)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("phase", choices=["setup", "main", "keyfile", "disabled"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--pki", required=True)
    parser.add_argument("--org", required=True)
    args = parser.parse_args()

    if not pymongo.version.startswith("3.11"):
        die(f"expected PyMongo 3.11 (Debian python3-pymongo), found {pymongo.version} at {pymongo.__file__}")
    report = Report("pymongo", args.phase)
    if args.phase == "setup":
        try:  # importable only with `requests`, which is hidden above: these checks run on the stdlib back-end
            importlib.import_module("pymongo.ocsp_support")
            backend = "pyOpenSSL"
        except ImportError:
            backend = "stdlib ssl"
        report.info(f"PyMongo {pymongo.version} (C extension {pymongo.has_c()}), TLS back-end {backend}, Python {sys.version.split()[0]}")
    s = Setup(args)
    {"setup": run_setup, "main": run_main, "keyfile": run_keyfile, "disabled": run_disabled}[args.phase](s, report)
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
