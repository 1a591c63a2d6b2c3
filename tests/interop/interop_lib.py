"""Shared pieces of the interoperability checks: case reporting and reading the server's JSON log.

Every check prints exactly one line that starts with PASS or FAIL (run.sh counts them); other lines
are informational. The server log is mongod-shaped JSON, one object per line; a case remembers where
the log ended before it ran and then looks only at what the server wrote after that point.
"""

import json
import os
import sys
import time
import traceback


class Report:
    """Prints one PASS/FAIL line per case and remembers whether any failed."""

    def __init__(self, client, phase):
        self.prefix = f"{client}/{phase}"
        self.failed = 0

    def case(self, name, check, *args, **kwargs):
        """Runs check(*args, **kwargs); it returns a short detail or raises AssertionError (or anything)."""
        try:
            detail = check(*args, **kwargs)
            print(f"PASS {self.prefix}/{name}: {detail or 'ok'}", flush=True)
        except AssertionError as e:
            self.failed += 1
            print(f"FAIL {self.prefix}/{name}: {e}", flush=True)
        except Exception as e:  # an unexpected exception is a failure of that case only
            self.failed += 1
            last = traceback.format_exception_only(type(e), e)[-1].strip()
            print(f"FAIL {self.prefix}/{name}: unexpected {last}", flush=True)

    def info(self, text):
        print(f"INFO {self.prefix}: {text}", flush=True)


class ServerLog:
    """A view of a running server's log file from a remembered offset onwards."""

    def __init__(self, path):
        self.path = path
        self.offset = 0

    def mark(self):
        self.offset = os.path.getsize(self.path)

    def entries_since_mark(self):
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            text = f.read().decode("utf-8", "replace")
        entries = []
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("{"):
                try:
                    entries.append(json.loads(line))
                except ValueError:
                    pass  # a line being written right now
        return entries

    def expect(self, description, predicate, timeout=5.0):
        """Waits (bounded) for a log entry written since mark() for which predicate(entry) is true."""
        deadline = time.monotonic() + timeout
        while True:
            for entry in self.entries_since_mark():
                try:
                    if predicate(entry):
                        return entry
                except (KeyError, TypeError, AttributeError):
                    continue
            if time.monotonic() >= deadline:
                seen = sorted({str(e.get("id")) for e in self.entries_since_mark()})
                raise AssertionError(f"server log has no {description} (log ids seen since the case began: {', '.join(seen) or 'none'})")
            time.sleep(0.1)


def log_id(entry, number):
    return entry.get("id") == number


def error_text(entry):
    """attr.error as text: a string in 23256 and 5286307, a document {code, codeName, errmsg} in 22988."""
    error = entry.get("attr", {}).get("error")
    if isinstance(error, dict):
        return error.get("errmsg", "")
    return error or ""


def expect_tls_refusal(log, reason, log_id_number=23256):
    """The server refused the TLS peer: log 23256 (or 23255) with the reason, then 22988 code 141."""
    first = log.expect(f"id {log_id_number} with '{reason}'",
                       lambda e: log_id(e, log_id_number) and reason in (error_text(e) or e.get("msg", "")))
    log.expect(f"id 22988 (code 141 SSLHandshakeFailed) with '{reason}'",
               lambda e: log_id(e, 22988) and e["attr"]["error"]["code"] == 141
               and reason.lower() in e["attr"]["error"]["errmsg"].lower())
    return first


def die(message):
    print(f"FAIL setup: {message}", flush=True)
    sys.exit(1)
