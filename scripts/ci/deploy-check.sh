#!/usr/bin/env bash
# The multi-instance deployment of docs/deploy.md, brought up on 127.0.0.1 from the very files the
# guide installs: Debian's nginx with deploy/nginx.conf (TLS, a throwaway certificate) in front of
# two instances started as deploy/scenecode@.service starts them (`npm start`, one shared build)
# on one PostgreSQL database. Then, through nginx: one Playwright journey, the fast reliability
# suite, and nginx's log must show that both instances answered pushes and pages. Last, the
# one-box backup and restore drill (scripts/ci/backup-drill.sh).
#   DATABASE_URL=postgresql://postgres@127.0.0.1:55432/scn_deploy scripts/ci/deploy-check.sh
# The database named in DATABASE_URL is dropped and created afresh. DEPLOY_PORT (default 3440) is
# nginx's https port; the next five: the simulator, the two instances, nginx's http port, the drill.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL database (it is recreated)}"
HTTPS_PORT=${DEPLOY_PORT:-3440}
SIM_PORT=$((HTTPS_PORT + 1)) APP1=$((HTTPS_PORT + 2)) APP2=$((HTTPS_PORT + 3)) HTTP_PORT=$((HTTPS_PORT + 4))
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
tmp=$(mktemp -d /tmp/scenecode-deploy.XXXXXX)
chmod 755 "$tmp" # nginx's workers (nobody, when run as root) write their temp files below it
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  if [ "${DEPLOY_KEEP:-0}" = 1 ] || [ "${ok:-0}" != 1 ]; then echo "deploy: logs kept in $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
# Each in a session of its own, so the whole tree (npm → tsx → next) is ended with it.
background() { local log=$1; shift; setsid "$@" >"$log" 2>&1 & pids+=($!); }
log() { echo "deploy: $*"; }
wait_for() { # url, seconds, what (node's fetch, trusting the throwaway certificate)
  for _ in $(seq "$2"); do
    NODE_EXTRA_CA_CERTS=$tmp/tls.crt node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1" && return 0
    sleep 1
  done
  echo "deploy: $3 did not answer $1 within $2 s" >&2; return 1
}

# The guide shows these files in full: what it shows must be what runs here.
for file in deploy/scenecode@.service deploy/nginx.conf; do
  awk -v marker="<!-- $file -->" 'found == 1 && /^```/ { exit } found == 1 { print } found == 0.5 { found = 1 } $0 == marker { found = 0.5 }' docs/deploy.md \
    | cmp -s - "$file" || { echo "deploy: docs/deploy.md does not show $file as it is; copy it in again" >&2; exit 1; }
done

# systemd (where its tools are installed) must accept the unit as it is, without a warning.
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$tmp/units" && cp deploy/scenecode@.service "$tmp/units/"
  verdict=$(systemd-analyze verify "$tmp/units/scenecode@$APP1.service" 2>&1) && [ -z "$verdict" ] \
    || { echo "deploy: systemd-analyze verify refuses deploy/scenecode@.service: $verdict" >&2; exit 1; }
  log "systemd-analyze verify accepts deploy/scenecode@.service"
fi

# A fresh database on the CI server.
db_name=${DATABASE_URL##*/}; db_name=${db_name%%\?*}
psql -q "${DATABASE_URL%/*}/postgres" -c "DROP DATABASE IF EXISTS \"$db_name\" WITH (FORCE)" -c "CREATE DATABASE \"$db_name\""

# What the guide puts in /etc/scenecode/env, for both instances.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$tmp/tls.key" -out "$tmp/tls.crt" 2>/dev/null
cat >"$tmp/env" <<ENV
DATABASE_URL=$DATABASE_URL
AUTH_SECRET=$(openssl rand -base64 32)
NEXTAUTH_URL=https://127.0.0.1:$HTTPS_PORT
TRUSTED_PROXY_HOPS=1
DATA_DIR=$tmp/data
WECHAT_API_BASE=http://127.0.0.1:$SIM_PORT
SETUP_CODE=E2E-SETUP-CODE-2026
ENV

# nginx: Debian's binary, the guide's site file, everything else in the temp dir.
mkdir -p "$tmp/logs"
SERVER_NAME=127.0.0.1 HTTP_LISTEN=127.0.0.1:$HTTP_PORT HTTPS_LISTEN=127.0.0.1:$HTTPS_PORT TLS_CERT=$tmp/tls.crt \
  TLS_KEY=$tmp/tls.key LOG_DIR=$tmp/logs APP_PORTS="$APP1 $APP2" deploy/render.sh deploy/nginx.conf >"$tmp/scenecode.site"
cat >"$tmp/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $tmp/nginx-body;
  proxy_temp_path $tmp/nginx-proxy;
  fastcgi_temp_path $tmp/nginx-fastcgi;
  uwsgi_temp_path $tmp/nginx-uwsgi;
  scgi_temp_path $tmp/nginx-scgi;
  include $tmp/scenecode.site;
}
CONF
"$NGINX" -t -q -p "$tmp" -c "$tmp/nginx.conf"
background "$tmp/logs/nginx.out" "$NGINX" -p "$tmp" -c "$tmp/nginx.conf"
log "nginx $("$NGINX" -v 2>&1 | sed 's/.*\///') on https://127.0.0.1:$HTTPS_PORT → 127.0.0.1:$APP1, 127.0.0.1:$APP2"

background "$tmp/logs/simulator.log" npm run cli -- simulate --serve --host 127.0.0.1 --port "$SIM_PORT"

# Both instances at once, as systemd would start scenecode@$APP1 and scenecode@$APP2 after a boot:
# they must agree on migrations and on one build.
unit=deploy/scenecode@.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
for port in "$APP1" "$APP2"; do
  # shellcheck disable=SC2046 # Environment= holds space-separated assignments, as systemd splits them
  background "$tmp/logs/app-$port.log" env $(sed -n "s/^Environment=//p" "$unit" | sed "s/%i/$port/g") $(grep -v "^#" "$tmp/env") $exec_start
done
log "started two instances with '$exec_start' from $unit"
app_started=$(date +%s)
wait_for "https://127.0.0.1:$HTTPS_PORT/api/health" 600 nginx
for port in "$APP1" "$APP2"; do wait_for "http://127.0.0.1:$port/api/health" 120 "instance $port"; done
log "both instances healthy after $(( $(date +%s) - app_started )) s"
grep -h "waiting for it\|Building the production bundle\|Migrations applied" "$tmp"/logs/app-*.log | sed 's/^/deploy:   /' || true

export NODE_EXTRA_CA_CERTS=$tmp/tls.crt
log "Playwright journey through nginx"
DEPLOY_URL=https://127.0.0.1:$HTTPS_PORT DEPLOY_INSTANCES="http://127.0.0.1:$APP1 http://127.0.0.1:$APP2" E2E_SIMULATOR_PORT=$SIM_PORT \
  npx playwright test --config playwright.deploy.config.ts

log "fast reliability suite through nginx"
env $(grep -E '^(DATABASE_URL|AUTH_SECRET)=' "$tmp/env") RELIABILITY_TARGET=https://127.0.0.1:$HTTPS_PORT \
  npx tsx scripts/reliability/run.ts --fast

# nginx's log names the instance that answered each request: both must have taken pushes and pages.
for what in "POST /api/wechat/" "GET /"; do
  served=$(grep -F "\"$what" "$tmp/logs/scenecode.access.log" | grep -o 'upstream=[0-9.:]*' | sort | uniq -c)
  log "'$what' answered by: $(echo $served)"
  for port in "$APP1" "$APP2"; do
    echo "$served" | grep -q "upstream=127.0.0.1:$port$" || { echo "deploy: instance $port answered no '$what'" >&2; exit 1; }
  done
done
# A push the app refused to acknowledge (locked-db's 503s) is logged by the app with nginx's request id.
rids=$(grep -F '"POST /api/wechat/' "$tmp/logs/scenecode.access.log" | grep -F '" 503 ' | grep -o 'rid=[0-9a-f]*' | cut -d= -f2)
found=0; for rid in $rids; do grep -qF "\"reqId\":\"$rid\"" "$tmp"/logs/app-*.log && found=$((found + 1)); done
log "$(echo $rids | wc -w) pushes answered 503 through nginx; $found of them found in the instances' logs by nginx's request id"
[ -n "$rids" ] && [ "$found" = "$(echo $rids | wc -w)" ] || { echo "deploy: the app's log lines do not carry nginx's request ids" >&2; exit 1; }

# One box: the backup and restore drill of the guide, on SQLite, with the same build.
scripts/ci/backup-drill.sh "$((HTTPS_PORT + 5))"
ok=1
log "passed in $(( $(date +%s) - started )) s"
