"""A minimal OCSP responder for the interop test, built on python3-cryptography's OCSP support (not Tessera's).

Usage: ocsp_responder.py --cert LEAF.pem --ca CA.pem --ca-key CA.key --status good|revoked --port N
Listens on 127.0.0.1:N (the port LEAF's AIA names, chosen before LEAF was issued) and answers every POSTed
request about LEAF with the given status, signed by the CA itself, valid for a day. Requests about another
serial get "unauthorized". Runs until killed.
"""

import argparse
import datetime
import http.server

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--ca-key", required=True)
    parser.add_argument("--status", choices=["good", "revoked"], required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()

    with open(args.cert, "rb") as f:
        leaf = x509.load_pem_x509_certificate(f.read())
    with open(args.ca, "rb") as f:
        ca = x509.load_pem_x509_certificate(f.read())
    with open(args.ca_key, "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)

    def answer(request_der):
        request = ocsp.load_der_ocsp_request(request_der)
        if request.serial_number != leaf.serial_number:
            return ocsp.OCSPResponseBuilder.build_unsuccessful(ocsp.OCSPResponseStatus.UNAUTHORIZED)
        now = datetime.datetime.utcnow().replace(microsecond=0)
        revoked = args.status == "revoked"
        builder = ocsp.OCSPResponseBuilder().add_response(
            cert=leaf, issuer=ca, algorithm=hashes.SHA1(),
            cert_status=ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD,
            this_update=now - datetime.timedelta(minutes=1), next_update=now + datetime.timedelta(days=1),
            revocation_time=now - datetime.timedelta(hours=1) if revoked else None,
            revocation_reason=x509.ReasonFlags.key_compromise if revoked else None,
        ).responder_id(ocsp.OCSPResponderEncoding.HASH, ca)
        return builder.sign(key, hashes.SHA256())

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            der = answer(body).public_bytes(serialization.Encoding.DER)
            self.send_response(200)
            self.send_header("Content-Type", "application/ocsp-response")
            self.send_header("Content-Length", str(len(der)))
            self.end_headers()
            self.wfile.write(der)

        def log_message(self, format, *args):
            print("ocsp responder: " + format % args, flush=True)

    http.server.HTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
