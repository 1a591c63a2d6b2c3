"""mongosh 2.12 (npm, installed under .tools/npm) against a started `tessera serve`.

Usage: mongosh_checks.py PHASE --port N --log SERVER_LOG --pki DIR --org ORG --mongosh BIN --home DIR
  main     requireTLS + auth + clusterAuthMode x509 + tlsCRLFile (alice's user exists)
  keyfile  clusterAuthMode keyFile
  disabled tlsMode disabled
Each case runs `timeout 60 mongosh URI --quiet --norc [--tls --tlsCAFile ... --tlsCertificateKeyFile ...]
--eval ...` with serverSelectionTimeoutMS=2500 in the URI (real-clients.md §2), and checks the exit
status, what mongosh printed, and the server's log. HOME points at a scratch folder so that mongosh's
config, history and logs stay out of the user's home; telemetry is forced off (no traffic but loopback).
"""

import argparse
import os
import subprocess
import sys
import urllib.parse

from interop_lib import Report, ServerLog, error_text, expect_tls_refusal, log_id

CONNECTION_STATUS = "printjson(db.runCommand({connectionStatus:1}).authInfo)"


class Shell:
    def __init__(self, args):
        self.args = args
        self.log = ServerLog(args.log)
        self.env = dict(os.environ, HOME=args.home, MONGOSH_FORCE_DISABLE_TELEMETRY_FOR_TESTING="1",
                        NO_COLOR="1", FORCE_COLOR="0")
        config_dir = os.path.join(args.home, ".mongodb", "mongosh")
        os.makedirs(config_dir, exist_ok=True)
        with open(os.path.join(config_dir, "config"), "w") as f:
            f.write('{"enableTelemetry":false,"updateURL":""}')

    def dn(self, cn, ou="Clients"):
        return f"CN={cn},OU={ou},O={self.args.org}"

    def run(self, cert=None, tls=True, x509=True, username=None, script=CONNECTION_STATUS):
        """Runs mongosh once; returns (exit status, stdout + stderr)."""
        pki = self.args.pki
        user = f"{urllib.parse.quote(username, safe='')}@" if username else ""
        query = "serverSelectionTimeoutMS=2500"
        if x509:
            query = f"authMechanism=MONGODB-X509&authSource=%24external&{query}"
        command = ["timeout", "60", self.args.mongosh, f"mongodb://{user}localhost:{self.args.port}/?{query}",
                   "--quiet", "--norc"]
        if tls:
            command += ["--tls", "--tlsCAFile", f"{pki}/ca.pem"]
            if cert:
                command += ["--tlsCertificateKeyFile", cert]
        command += ["--eval", script]
        done = subprocess.run(command, env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=90)
        output = done.stdout.strip()
        assert done.returncode != 124, f"mongosh did not finish within 60 s: {output[-300:]}"
        return done.returncode, output

    def cert(self, name):
        pki = self.args.pki
        return {"alice": f"{pki}/clients/alice.pem", "bob": f"{pki}/clients/bob.pem",
                "expired": f"{pki}/clients/expired.pem", "revoked": f"{pki}/clients/revoked.pem",
                "member2": f"{pki}/clients/member2.pem", "otherca": f"{pki}/otherca/clients/alice.pem"}[name]


def last_line(output):
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def expect_ok(rc, output, *needles):
    assert rc == 0, f"exit status {rc}: {output[-400:]}"
    for needle in needles:
        assert needle in output, f"output lacks {needle!r}: {output[-400:]}"


def expect_failure(rc, output, *any_of):
    assert rc != 0, f"exit status 0; it should have failed: {output[-400:]}"
    assert any(needle in output for needle in any_of), f"exit status {rc}, but the output has none of {any_of}: {output[-400:]}"
    return f"exit {rc}: {last_line(output)}"


CLOSED = ("ECONNRESET", "closed")


def run_main(sh, report):
    alice = sh.dn("alice")

    def good_login():
        sh.log.mark()
        rc, out = sh.run(sh.cert("alice"))
        expect_ok(rc, out, f"user: '{alice}'", "db: '$external'", "role: 'readWrite'", "db: 'test'")
        sh.log.expect("id 5286306 Successfully authenticated as alice, speculatively",
                      lambda e: log_id(e, 5286306) and e["attr"]["user"] == alice and e["attr"]["isSpeculative"] is True)
        return f"authInfo shows {alice}@$external with readWrite@test; log 5286306 isSpeculative"

    def username_differs():
        rc, out = sh.run(sh.cert("alice"), username=sh.dn("mallory"))
        return expect_failure(rc, out, "MongoServerError: Authentication failed.")

    def no_user():
        bob = sh.dn("bob")
        rc, out = sh.run(sh.cert("bob"))
        return expect_failure(rc, out, f'Could not find user "{bob}" for db "$external"')

    def member_x509():
        rc, out = sh.run(sh.cert("member2"))
        expect_ok(rc, out, "user: '__system'", "db: 'local'")
        return "authInfo shows __system@local"

    def crud():
        # The shell's everyday helpers on alice's readWrite database, printed as one JSON line to compare.
        script = """
const c = db.getSiblingDB('test').shell_items;
c.insertMany([{_id: 1, k: 'a', n: 5}, {_id: 2, k: 'b', n: 7}, {_id: 3, k: 'a', n: 9}]);
c.updateMany({k: 'a'}, {$inc: {n: 1}});
c.createIndex({n: 1}, {unique: true});
const out = {
  sorted: c.find({}, {_id: 1}).sort({n: -1}).toArray().map(d => d._id),
  count: c.countDocuments({n: {$gt: 6}}),
  groups: c.aggregate([{$group: {_id: '$k', total: {$sum: '$n'}}}, {$sort: {_id: 1}}]).toArray(),
  plan: c.find({n: 8}).explain().queryPlanner.winningPlan.inputStage.stage,
};
c.deleteOne({_id: 2});
out.left = c.countDocuments({});
print(EJSON.stringify(out));
"""
        rc, out = sh.run(sh.cert("alice"), script=script)
        expected = '{"sorted":[3,2,1],"count":2,"groups":[{"_id":"a","total":16},{"_id":"b","total":7}],"plan":"IXSCAN","left":2}'
        expect_ok(rc, out, expected)
        return expected

    def refused(cert, reason, alert, log_number=23256, **kwargs):
        # Tessera refuses a certificate with the TLS alert naming why; mongosh prints OpenSSL's text for it.
        sh.log.mark()
        rc, out = sh.run(cert, **kwargs)
        detail = expect_failure(rc, out, alert)
        assert "MongoServerSelectionError" in out or "MongoNetworkError" in out, f"not a connection error: {out[-300:]}"
        entry = expect_tls_refusal(sh.log, reason, log_number)
        return f"{detail}; server log {entry['id']} {error_text(entry) or entry['msg']}"

    def other_ca():
        sh.log.mark()
        rc, out = sh.run(sh.cert("otherca"))
        detail = expect_failure(rc, out, "tlsv1 alert unknown ca")
        reasons = ("unable to get local issuer certificate", "unable to verify the first certificate")
        sh.log.expect("id 23256 with an unknown-issuer reason",
                      lambda e: log_id(e, 23256) and any(r in error_text(e) for r in reasons))
        return detail

    def plaintext():
        sh.log.mark()
        rc, out = sh.run(tls=False, x509=False, script="printjson(db.runCommand({ping:1}))")
        detail = expect_failure(rc, out, *CLOSED)
        sh.log.expect("id 22988 'The server is configured to only allow SSL connections'",
                      lambda e: log_id(e, 22988)
                      and e["attr"]["error"]["errmsg"] == "The server is configured to only allow SSL connections")
        return detail

    report.case("good-login", good_login)
    report.case("username-differs-from-subject", username_differs)
    report.case("certificate-without-user", no_user)
    report.case("member-certificate-x509-cluster-auth", member_x509)
    report.case("crud", crud)
    report.case("expired-certificate", refused, sh.cert("expired"), "certificate has expired", "sslv3 alert certificate expired")
    report.case("revoked-certificate-with-crl", refused, sh.cert("revoked"), "certificate revoked", "sslv3 alert certificate revoked")
    report.case("certificate-from-another-ca", other_ca)
    report.case("no-client-certificate", refused, None, "No SSL certificate provided by peer",
                "tlsv13 alert certificate required", 23255, x509=False)
    report.case("plaintext-to-requireTLS", plaintext)


def run_keyfile(sh, report):
    def member_keyfile():
        rc, out = sh.run(sh.cert("member2"))
        return expect_failure(rc, out, "MongoServerError: Authentication failed.")

    report.case("member-certificate-keyFile-cluster-auth", member_keyfile)


def run_disabled(sh, report):
    def tls_client():
        sh.log.mark()
        rc, out = sh.run(sh.cert("alice"))
        detail = expect_failure(rc, out, "MongoServerSelectionError", "MongoNetworkError")
        sh.log.expect("id 22988 'SSL handshake received but server is started without SSL support'",
                      lambda e: log_id(e, 22988)
                      and e["attr"]["error"]["errmsg"] == "SSL handshake received but server is started without SSL support")
        return detail

    report.case("tls-client-to-disabled", tls_client)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("phase", choices=["main", "keyfile", "disabled"])
    for option in ("--log", "--pki", "--org", "--mongosh", "--home"):
        parser.add_argument(option, required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()

    report = Report("mongosh", args.phase)
    sh = Shell(args)
    if args.phase == "main":
        version = subprocess.run([args.mongosh, "--version"], env=sh.env, capture_output=True, text=True, timeout=60)
        report.info(f"mongosh {version.stdout.strip()} ({args.mongosh})")
    {"main": run_main, "keyfile": run_keyfile, "disabled": run_disabled}[args.phase](sh, report)
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
