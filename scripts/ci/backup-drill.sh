#!/usr/bin/env bash
# The one-box restore drill of docs/deploy.md, on SQLite: an instance started as the unit starts it,
# follows pushed at it while deploy/backup.sh copies it, then the data folder lost, deploy/restore.sh,
# a restart, and every push acknowledged before the backup began must be there. The auth secret
# (generated into the data folder) travels with the backup: the restored account's token, sealed
# under it, still verifies a new push.
#   scripts/ci/backup-drill.sh [port]   (default 3445)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-3445}
tmp=$(mktemp -d /tmp/scenecode-drill.XXXXXX)
data=$tmp/data
pid=
stop_app() { if [ -n "$pid" ]; then kill -TERM -- "-$pid" 2>/dev/null || true; for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done; kill -KILL -- "-$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop_app; if [ "${ok:-0}" = 1 ]; then rm -rf "$tmp"; else echo "drill: logs kept in $tmp"; fi' EXIT
log() { echo "drill: $*"; }
unit=deploy/scenecode@.service
app_id=wx0d0e1a2b3c4d5e6f
token=drilltoken2026
cat >"$tmp/env" <<ENV
DATABASE_URL=file:$data/scenecode.db
DATA_DIR=$data
NEXTAUTH_URL=http://127.0.0.1:$port
WECHAT_API_BASE=http://127.0.0.1:9
WECHAT_APP_ID=$app_id
WECHAT_APP_SECRET=0123456789abcdef0123456789abcdef
WECHAT_TOKEN=$token
SETUP_CODE=DRILL-SETUP-CODE-2026
ENV
start_app() {
  # shellcheck disable=SC2046 # as systemd splits Environment= and reads EnvironmentFile=
  setsid env $(sed -n "s/^Environment=//p" "$unit" | sed "s/%i/$port/g") $(cat "$tmp/env") $(sed -n 's/^ExecStart=//p' "$unit") >>"$tmp/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 180); do
    node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$port/api/health" && return 0
    sleep 1
  done
  echo "drill: the instance did not become healthy; see $tmp/app.log" >&2; return 1
}
stored() { sqlite3 "$data/scenecode.db" "SELECT \"fromUser\" FROM \"WechatEvent\" WHERE \"fromUser\" LIKE 'oDrill%'" | sort; }

start_app
log "one instance on SQLite at 127.0.0.1:$port"
callback=http://127.0.0.1:$port/api/wechat/$app_id
: >"$tmp/acks"
npx tsx scripts/ci/push-follows.ts "$callback" "$token" 600 4 >"$tmp/acks" &
pusher=$!
until [ "$(wc -l <"$tmp/acks")" -ge 150 ]; do
  kill -0 "$pusher" 2>/dev/null || { echo "drill: the pushes stopped early; see $tmp/app.log" >&2; exit 1; }
  sleep 0.2
done
backup_began=$(date +%s%3N)
backup=$(deploy/backup.sh "$data" "$tmp/backups")
log "backup while pushes kept coming: $(wc -l <"$tmp/acks") acknowledged so far; $(ls "$backup" | tr '\n' ' ')"
wait "$pusher"
stop_app

# The disaster: the data folder is gone. Then the drill of the guide: restore, start, check.
rm -rf "$data" && mkdir -m 0700 "$data"
deploy/restore.sh "$backup" "$data" >/dev/null
start_app
awk -v t="$backup_began" '$2 < t { print $1 }' "$tmp/acks" | sort >"$tmp/before"
for _ in $(seq 30); do missing=$(comm -23 "$tmp/before" <(stored) | wc -l); [ "$missing" = 0 ] && break; sleep 1; done
log "restored: $(stored | wc -l) of $(wc -l <"$tmp/acks") follows; $(wc -l <"$tmp/before") acknowledged before the backup began, $missing of them missing"
[ "$missing" = 0 ] || { echo "drill: pushes acknowledged before the backup are missing after the restore" >&2; exit 1; }
after=$(npx tsx scripts/ci/push-follows.ts "$callback" "$token" 1 1 | wc -l)
[ "$after" = 1 ] || { echo "drill: a push after the restore was not acknowledged (auth secret not restored?)" >&2; exit 1; }
log "a push after the restore is acknowledged (the restored secret opens the account's token)"
ok=1
