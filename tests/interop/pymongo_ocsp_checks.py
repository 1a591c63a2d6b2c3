"""PyMongo 3.11 with its pyOpenSSL back-end (the one that checks OCSP) against `tessera serve` instances that staple.

Usage: pymongo_ocsp_checks.py --good-port N --good-log LOG --revoked-port N --revoked-log LOG --pki DIR
Each server's certificate names its own OCSP responder (ocsp_responder.py, python3-cryptography): one answers good,
the other revoked. The server fetches the answer at start-up and staples it; PyMongo verifies the staple itself
(pymongo/ocsp_support.py) and refuses a revoked one with OpenSSL's "invalid status response". With tlsInsecure or
tlsAllowInvalidCertificates PyMongo checks nothing, OCSP included. Prints one PASS/FAIL line per case.
"""

import argparse
import sys

import pymongo
import pymongo.ssl_support
from pymongo import MongoClient
from pymongo.errors import ServerSelectionTimeoutError

from interop_lib import Report, ServerLog, die, log_id

TIMEOUT_MS = 2500


def main():
    parser = argparse.ArgumentParser()
    for name in ("good", "revoked"):
        parser.add_argument(f"--{name}-port", type=int, required=True)
        parser.add_argument(f"--{name}-log", required=True)
    parser.add_argument("--pki", required=True)
    args = parser.parse_args()

    backend = pymongo.ssl_support._ssl.__name__
    if backend != "pymongo.pyopenssl_context":
        die(f"PyMongo uses {backend}, not pyOpenSSL: OCSP needs python3-requests, python3-openssl and python3-service-identity (scripts/test.sh installs them)")
    report = Report("pymongo-ocsp", "staple")
    report.info(f"PyMongo {pymongo.version}, TLS back-end pyOpenSSL (OCSP on)")

    def client(port, **extra):
        return MongoClient(f"mongodb://localhost:{port}/", tls=True, tlsCAFile=f"{args.pki}/ca.pem",
                           tlsCertificateKeyFile=f"{args.pki}/clients/alice.pem",
                           serverSelectionTimeoutMS=TIMEOUT_MS, connectTimeoutMS=TIMEOUT_MS, **extra)

    def stapled(log_path, status):
        # The server fetches in the background once it listens: wait for its response before judging clients.
        entry = ServerLog(log_path).expect(f"id 577163 (OCSP response) with status {status}",
                                           lambda e: log_id(e, 577163) and e["attr"]["status"] == status, timeout=15)
        return f"the server stapled '{status}' from {entry['attr']['responder']}"

    def ping(port, **extra):
        c = client(port, **extra)
        try:
            assert c.admin.command("ping")["ok"] == 1
            return f"ping ok{' with ' + ', '.join(extra) if extra else ''}"
        finally:
            c.close()

    def refused(port):
        c = client(port)
        try:
            c.admin.command("ping")
        except ServerSelectionTimeoutError as e:
            assert "invalid status response" in str(e), f"expected OpenSSL's 'invalid status response', got: {str(e)[:300]}"
            return "ServerSelectionTimeoutError: invalid status response"
        finally:
            c.close()
        raise AssertionError("the ping succeeded, though the server stapled a revoked response")

    report.case("good-staple-fetched", stapled, args.good_log, "good")
    report.case("good-staple-accepted", ping, args.good_port)
    report.case("revoked-staple-fetched", stapled, args.revoked_log, "revoked")
    report.case("revoked-staple-refused", refused, args.revoked_port)
    report.case("revoked-staple-tlsInsecure", ping, args.revoked_port, tlsInsecure=True)
    report.case("revoked-staple-tlsAllowInvalidCertificates", ping, args.revoked_port, tlsAllowInvalidCertificates=True)
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
