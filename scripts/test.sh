#!/usr/bin/env bash
# THE test command (see README): installs what the tests need, then runs every test.
#   1. dotnet test Tessera.slnx (unit and in-process integration tests)
#   2. tests/interop/run.sh (PyMongo 3.11 and mongosh 2.12 against a started `tessera serve`)
# The last line is `tests: N passed, N failed, N skipped` over both; the exit status is non-zero when
# either part fails.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the tests drive for real: openssl verifies the chains Tessera issues and makes the
# interop test's CRL; python3-pymongo (3.11, run with Debian's /usr/bin/python3, on both its TLS
# back-ends) and npm (for mongosh) are the real clients of the interop test.
missing=()
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ! -x /usr/bin/python3 ] || ! /usr/bin/python3 -c 'import pymongo' >/dev/null 2>&1; then
  missing+=(python3 python3-pymongo)
fi
# PyMongo 3.11's pyOpenSSL back-end, the one that checks OCSP (the interop test's OCSP cases use it).
if ! /usr/bin/python3 -c 'import requests, OpenSSL, service_identity' >/dev/null 2>&1; then
  missing+=(python3-requests python3-openssl python3-service-identity)
fi
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# mongosh, pinned, in a project-local folder (listed in .gitignore); skipped when already there.
mongosh_version=2.12.0
tools=.tools/npm
installed=$(node -p "require('./$tools/node_modules/mongosh/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$mongosh_version" ] || [ ! -x "$tools/node_modules/.bin/mongosh" ]; then
  echo "installing: mongosh@$mongosh_version into $tools"
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{ "private": true, "description": "test tools of Tessera (scripts/test.sh)" }' >"$tools/package.json"
  npm install --prefix "$tools" --save-exact --no-audit --no-fund --loglevel=error "mongosh@$mongosh_version"
fi

log=$(mktemp)
interop_log=$(mktemp)
trap 'rm -f "$log" "$interop_log"' EXIT
status=0
dotnet test Tessera.slnx --nologo 2>&1 | tee "$log" || status=$?

interop_status=0
bash tests/interop/run.sh 2>&1 | tee "$interop_log" || interop_status=$?
[ "$interop_status" -eq 0 ] || status=1

# One closing line over all test assemblies and the interop cases, in the plain "N passed, N failed" form.
# An interop run that ended without its own count line counts as one failure.
interop=$(grep -E '^interop: [0-9]+ passed, [0-9]+ failed$' "$interop_log" | tail -n 1 || true)
if [ -n "$interop" ]; then
  interop_passed=$(sed -E 's/^interop: ([0-9]+) passed.*/\1/' <<<"$interop")
  interop_failed=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$interop")
else
  interop_passed=0
  interop_failed=1
fi
awk -v ip="$interop_passed" -v if_="$interop_failed" '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
     }
     END {
       printf "dotnet: %d passed, %d failed, %d skipped\n", p, f, s
       printf "interop: %d passed, %d failed\n", ip, if_
       printf "tests: %d passed, %d failed, %d skipped\n", p + ip, f + if_, s
     }' "$log"
exit "$status"
