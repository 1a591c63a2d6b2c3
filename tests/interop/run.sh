#!/usr/bin/env bash
# Interoperability test: real MongoDB clients against a started `tessera serve`
# =============================================================================
#
# What it does
#   1. Builds the CLI once (`dotnet build src/Tessera.Cli`, Debug by default: after `dotnet test` that
#      is an incremental no-op; INTEROP_CONFIGURATION=Release to change it).
#   2. Makes a throw-away PKI in a temp folder with `tessera certs init` / `certs issue`:
#        clients/alice.pem    CN=alice,OU=Clients,O=Interop          gets a $external user (readWrite@test)
#        clients/bob.pem      CN=bob,OU=Clients,O=Interop            valid, but no user
#        clients/expired.pem  CN=expired-carol,...  valid 2020-01-01 .. 2021-01-01
#        clients/revoked.pem  CN=revoked-dave,...   listed in crl.pem (made with `openssl ca -gencrl`)
#        clients/member2.pem  CN=member2,OU=Cluster,O=Interop        looks like a cluster member
#        otherca/clients/alice.pem  same subject as alice, issued by a second, unrelated CA
#   3. Starts `tessera serve` instances on free loopback ports, one after another where they share data:
#        setup    requireTLS --auth --clusterAuthMode x509 --tlsCRLFile (dbpath D): no user yet, so alice
#                 creates her own $external user through the localhost exception
#        main     the same instance: the good login and every bad case, PyMongo then mongosh
#        keyfile  restarted on the same dbpath D with --clusterAuthMode keyFile and no CRL (same users)
#        disabled --tlsMode disabled (its own dbpath), started alongside main
#      Each start is awaited by polling the port (bounded, 30 s); every server is stopped by its PID
#      (SIGTERM, then SIGKILL after 15 s) from an EXIT trap.
#        ocsp_good, ocsp_revoked  requireTLS with a server certificate that names an OCSP responder
#                 (tests/interop/ocsp_responder.py on python3-cryptography, loopback), which says good or revoked;
#                 the server staples the answer
#   4. Runs the checks: tests/interop/pymongo_checks.py with /usr/bin/python3 (Debian's python3-pymongo
#      3.11, held to its standard-library TLS back-end), tests/interop/pymongo_ocsp_checks.py (the same
#      PyMongo on its pyOpenSSL back-end, which verifies stapled OCSP responses) and
#      tests/interop/mongosh_checks.py driving mongosh 2.12 from .tools/npm. Each case prints
#      one `PASS ...` or `FAIL ...` line; the cases also assert on the server's JSON log lines (23256
#      with the OpenSSL reason, 23255, 22988, 5286306, 5286307).
#   5. Prints `interop: N passed, N failed` as its last line; exits 1 if any case failed.
#
# Cases (PyMongo: all; mongosh: those marked *)
#   good login* (connectionStatus shows CN=alice,...@$external with readWrite@test; speculative auth),
#   ping/buildInfo/whatsmyuri/usersInfo, insert_many (into test; 13 into another db), a unique index
#   (DuplicateKeyError with mongod's E11000 text, list_indexes, list_collection_names), CRUD (find with
#   filter/sort/projection, update_many, upsert, count_documents, distinct, aggregate, find_one_and_update,
#   delete_many, a cursor in batches; mongosh*: insertMany, updateMany, createIndex, sort, countDocuments,
#   aggregate, explain showing IXSCAN, deleteOne),
#   user name equal to the subject, user name differing from it* (18 "Authentication failed."),
#   certificate without a user* (11 Could not find user "CN=bob,..." for db "$external"),
#   member certificate* (x509: __system@local; keyFile: 18), expired*, revoked with the CRL*, another
#   CA* and no certificate* (the TLS alert naming the reason: certificate expired / revoked, unknown ca,
#   certificate required; log 23256/23255 + 22988), revoked without a CRL (11),
#   plaintext to requireTLS* (closed; 22988), TLS to --tlsMode disabled* (fails; 22988), users
#   surviving a restart, and the localhost exception (first user only).
#   OCSP (PyMongo, pyOpenSSL back-end): a good staple accepted, a revoked staple refused ("invalid status
#   response"), and accepted under tlsInsecure and tlsAllowInvalidCertificates (no OCSP there).
#
# Needs: the .NET 10 SDK, openssl, /usr/bin/python3 with python3-pymongo (and python3-requests,
# python3-openssl and python3-service-identity for its pyOpenSSL back-end), and mongosh under
# .tools/npm (scripts/test.sh installs the last two when missing). All traffic stays on 127.0.0.1.
# Environment: INTEROP_KEEP=1 keeps the temp folder (PKI, server logs) for a look after a failure;
# MONGOSH=path overrides the mongosh binary.
set -uo pipefail
export PYTHONDONTWRITEBYTECODE=1  # keep tests/interop free of __pycache__

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
configuration=${INTEROP_CONFIGURATION:-Debug}
python=/usr/bin/python3
mongosh=${MONGOSH:-$root/.tools/npm/node_modules/.bin/mongosh}
org=Interop
started=$(date +%s)

work=$(mktemp -d "${TMPDIR:-/tmp}/tessera-interop.XXXXXX")
pids=()
passed=0
failed=0

# alive PID: the process exists and has not exited (an exited child stays a zombie until `wait`).
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

stop_server() {  # stop_server PID: SIGTERM, wait (bounded), then SIGKILL; only our own children
  local pid=$1 i
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 150); do
      alive "$pid" || break
      sleep 0.1
    done
    if alive "$pid"; then
      echo "interop: server $pid did not stop within 15 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local pid
  for pid in "${pids[@]}"; do stop_server "$pid"; done
  if [ "${INTEROP_KEEP:-0}" = 1 ]; then echo "interop: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "FAIL $1"; failed=$((failed + 1)); }

finish() {
  echo "interop: run time $(($(date +%s) - started)) s"
  echo "interop: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

# Runs one checker, echoes its lines, and counts its PASS/FAIL lines. A checker that dies without
# reporting a failure (crash, missing module) counts as one failure.
run_checks() {  # run_checks NAME COMMAND...
  local name=$1 out rc p f
  shift
  out=$("$@" 2>&1)
  rc=$?
  printf '%s\n' "$out"
  p=$(grep -c '^PASS ' <<<"$out")
  f=$(grep -c '^FAIL ' <<<"$out")
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then fail "$name: exited with status $rc without reporting a failed case"; fi
}

free_port() {
  "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

tessera() { dotnet "$dll" "$@"; }

# start_server NAME PORT ARGS...: starts `tessera serve` in the background, records its PID in pids and
# in the variable pid_NAME, logs to $work/NAME.log (stdout, the JSON log) and $work/NAME.err.
start_server() {
  local name=$1 port=$2 pid
  shift 2
  # dotnet itself is the background job (not a shell function or subshell), so $! is the server's PID.
  dotnet "$dll" serve --port "$port" --bind_ip 127.0.0.1 "$@" >"$work/$name.log" 2>"$work/$name.err" </dev/null &
  pid=$!
  pids+=("$pid")
  printf -v "pid_$name" '%s' "$pid"
}

# wait_listening NAME PORT: polls the port every 0.2 s, at most 30 s; fails early if the server exited.
wait_listening() {
  local name=$1 port=$2 pid_var="pid_$1" i
  for i in $(seq 1 150); do
    if ! alive "${!pid_var}"; then
      fail "server $name exited during start-up: $(tail -c 600 "$work/$name.err" "$work/$name.log" | tr '\n' ' ')"
      return 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "interop: server $name (pid ${!pid_var}) listening on 127.0.0.1:$port after $((i / 5)).$((i % 5 * 2)) s"
      return 0
    fi
    sleep 0.2
  done
  fail "server $name did not listen on 127.0.0.1:$port within 30 s: $(tail -c 600 "$work/$name.log" | tr '\n' ' ')"
  return 1
}

# --- tools ---------------------------------------------------------------------------------------------
cd "$root"
for tool in dotnet openssl "$python"; do
  command -v "$tool" >/dev/null 2>&1 || { fail "setup: $tool is not installed"; finish; }
done
"$python" -c 'import pymongo' 2>/dev/null || { fail "setup: $python cannot import pymongo (apt-get install python3-pymongo)"; finish; }
[ -x "$mongosh" ] || { fail "setup: no mongosh at $mongosh (scripts/test.sh installs mongosh@2.12.0 into .tools/npm)"; finish; }

echo "interop: building src/Tessera.Cli ($configuration)"
if ! dotnet build src/Tessera.Cli -c "$configuration" --nologo -v q >"$work/build.log" 2>&1; then
  tail -n 30 "$work/build.log"
  fail "setup: dotnet build src/Tessera.Cli failed"
  finish
fi
dll=$root/src/Tessera.Cli/bin/$configuration/net10.0/tessera.dll

# --- PKI -----------------------------------------------------------------------------------------------
pki=$work/pki
make_pki() {
  set -e
  tessera certs init --out "$pki" --org "$org" --hosts localhost,127.0.0.1 --clients alice,bob
  tessera certs issue client --out "$pki/clients/expired.pem" --ca "$pki/ca.pem" \
    --subject "CN=expired-carol,OU=Clients,O=$org" --not-before 2020-01-01T00:00:00Z --not-after 2021-01-01T00:00:00Z
  tessera certs issue client --out "$pki/clients/revoked.pem" --ca "$pki/ca.pem" --subject "CN=revoked-dave,OU=Clients,O=$org"
  tessera certs issue member --out "$pki/clients/member2.pem" --ca "$pki/ca.pem" --san localhost \
    --subject "CN=member2,OU=Cluster,O=$org"
  # A second, unrelated CA with the same organisation: its alice has exactly the good alice's subject.
  tessera certs init --out "$pki/otherca" --org "$org" --hosts localhost --clients alice

  # The CRL: `openssl ca -gencrl` over a one-line index that marks the revoked certificate R(evoked).
  local crlca=$work/crlca serial not_after subject
  mkdir -p "$crlca"
  serial=$(openssl x509 -in "$pki/clients/revoked.pem" -noout -serial | cut -d= -f2)
  not_after=$(date -u -d "$(openssl x509 -in "$pki/clients/revoked.pem" -noout -enddate | cut -d= -f2)" +%y%m%d%H%M%SZ)
  subject=$(openssl x509 -in "$pki/clients/revoked.pem" -noout -subject -nameopt compat | sed 's/^subject=//')
  printf 'R\t%s\t%s\t%s\tunknown\t%s\n' "$not_after" "$(date -u -d '-1 hour' +%y%m%d%H%M%SZ)" "$serial" "$subject" >"$crlca/index.txt"
  echo 1000 >"$crlca/crlnumber"
  cat >"$crlca/ca.cnf" <<EOF
[ ca ]
default_ca = CA_default
[ CA_default ]
database         = $crlca/index.txt
crlnumber        = $crlca/crlnumber
default_md       = sha256
default_crl_days = 30
EOF
  openssl ca -batch -config "$crlca/ca.cnf" -gencrl -keyfile "$pki/ca.key" -cert "$pki/ca.pem" \
    -crldays 30 -md sha256 -out "$pki/crl.pem" 2>&1
  openssl crl -in "$pki/crl.pem" -noout -text | grep -q "Serial Number: $serial"
  local verdict
  verdict=$(openssl verify -CAfile "$pki/ca.pem" -CRLfile "$pki/crl.pem" -crl_check "$pki/clients/revoked.pem" 2>&1 || true)
  grep -q 'certificate revoked' <<<"$verdict"
  openssl verify -CAfile "$pki/ca.pem" -CRLfile "$pki/crl.pem" -crl_check "$pki/clients/alice.pem" >/dev/null
}
# (A subshell run as a plain command, not as an `if` condition, so that its `set -e` takes effect.)
(make_pki) >"$work/pki.log" 2>&1
pki_status=$?
if [ "$pki_status" -ne 0 ]; then
  cat "$work/pki.log"
  fail "setup: making the test PKI failed"
  finish
fi
echo "interop: PKI in $pki (CRL revokes CN=revoked-dave)"

# --- servers and checks --------------------------------------------------------------------------------
tls=(--tlsMode requireTLS --tlsCertificateKeyFile "$pki/members/localhost.pem" --tlsCAFile "$pki/ca.pem")
mkdir -p "$work/db" "$work/db-disabled"
port_main=$(free_port)
port_disabled=$(free_port)
while [ "$port_disabled" = "$port_main" ]; do port_disabled=$(free_port); done

common=(--pki "$pki" --org "$org")
shell=("$python" "$here/mongosh_checks.py")
pycheck=("$python" "$here/pymongo_checks.py")

start_server main "$port_main" "${tls[@]}" --tlsCRLFile "$pki/crl.pem" --auth --clusterAuthMode x509 --dbpath "$work/db"
start_server disabled "$port_disabled" --tlsMode disabled --dbpath "$work/db-disabled"

if wait_listening main "$port_main"; then
  main_args=(--port "$port_main" --log "$work/main.log" "${common[@]}")
  run_checks pymongo/setup "${pycheck[@]}" setup "${main_args[@]}"
  run_checks pymongo/main "${pycheck[@]}" main "${main_args[@]}"
  run_checks mongosh/main "${shell[@]}" main "${main_args[@]}" --mongosh "$mongosh" --home "$work/home"
fi
if wait_listening disabled "$port_disabled"; then
  disabled_args=(--port "$port_disabled" --log "$work/disabled.log" "${common[@]}")
  run_checks pymongo/disabled "${pycheck[@]}" disabled "${disabled_args[@]}"
  run_checks mongosh/disabled "${shell[@]}" disabled "${disabled_args[@]}" --mongosh "$mongosh" --home "$work/home"
fi
stop_server "$pid_disabled"
stop_server "$pid_main"  # the keyFile instance reuses its dbpath (and so its users)

port_keyfile=$(free_port)
start_server keyfile "$port_keyfile" "${tls[@]}" --auth --clusterAuthMode keyFile --dbpath "$work/db"
if wait_listening keyfile "$port_keyfile"; then
  keyfile_args=(--port "$port_keyfile" --log "$work/keyfile.log" "${common[@]}")
  run_checks pymongo/keyfile "${pycheck[@]}" keyfile "${keyfile_args[@]}"
  run_checks mongosh/keyfile "${shell[@]}" keyfile "${keyfile_args[@]}" --mongosh "$mongosh" --home "$work/home"
fi
stop_server "$pid_keyfile"

# --- OCSP: PyMongo's pyOpenSSL back-end against servers that staple -----------------------------------
# Each server certificate names its own responder (ocsp_responder.py, on python3-cryptography, not Tessera's
# OCSP code): its port is chosen first, the certificate issued for it, the responder started, then the server,
# which fetches the answer in the background and staples it.
ocsp_args=()
for status in good revoked; do
  responder_port=$(free_port)
  server_port=$(free_port)
  while [ "$server_port" = "$responder_port" ]; do server_port=$(free_port); done
  if ! tessera certs issue server --ca "$pki/ca.pem" --subject "CN=localhost,OU=Servers,O=$org" --san localhost,127.0.0.1 \
      --ocsp-url "http://127.0.0.1:$responder_port/" --out "$pki/ocsp-$status.pem" >"$work/ocsp-$status-issue.log" 2>&1; then
    fail "setup: issuing the OCSP $status server certificate failed: $(tr '\n' ' ' <"$work/ocsp-$status-issue.log")"
    continue
  fi
  "$python" "$here/ocsp_responder.py" --cert "$pki/ocsp-$status.pem" --ca "$pki/ca.pem" --ca-key "$pki/ca.key" \
    --status "$status" --port "$responder_port" >"$work/ocsp-responder-$status.log" 2>&1 </dev/null &
  pids+=("$!")
  mkdir -p "$work/db-ocsp-$status"
  start_server "ocsp_$status" "$server_port" --tlsMode requireTLS --tlsCertificateKeyFile "$pki/ocsp-$status.pem" \
    --tlsCAFile "$pki/ca.pem" --dbpath "$work/db-ocsp-$status"
  if wait_listening "ocsp_$status" "$server_port"; then
    ocsp_args+=("--$status-port" "$server_port" "--$status-log" "$work/ocsp_$status.log")
  fi
done
if [ ${#ocsp_args[@]} -eq 8 ]; then
  run_checks pymongo/ocsp "$python" "$here/pymongo_ocsp_checks.py" "${ocsp_args[@]}" --pki "$pki"
fi
for name in ocsp_good ocsp_revoked; do
  pid_var="pid_$name"
  if [ -n "${!pid_var:-}" ]; then stop_server "${!pid_var}"; fi
done

# Anything the servers wrote to stderr is worth seeing (an unhandled exception, a crash).
for name in main disabled keyfile ocsp_good ocsp_revoked; do
  if [ -s "$work/$name.err" ]; then
    echo "interop: server $name wrote to stderr:"
    head -n 20 "$work/$name.err"
  fi
done
finish
