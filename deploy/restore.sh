#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh into a data directory. Stop the app first
# (systemctl stop scenecode@3000): the files are replaced under it.
#   deploy/restore.sh /var/backups/scenecode/scenecode-20261203T120000Z /opt/scenecode/data
set -euo pipefail
from=${1:?usage: deploy/restore.sh <backup folder> <data dir>}
data=${2:?usage: deploy/restore.sh <backup folder> <data dir>}
db=${DB_FILE:-$data/scenecode.db}
[ -f "$from/scenecode.db" ] || { echo "restore: no scenecode.db in $from" >&2; exit 1; }
# The restored files belong to whoever owns the data directory (the service's user).
owner=$(stat -c %u "$data")
group=$(stat -c %g "$data")
put() { install -m 0600 -o "$owner" -g "$group" "$1" "$2"; }

# The replaced files go aside, not away. A -wal or -shm left beside a restored file would be
# replayed into it, so they go too.
aside="$data/replaced-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p -m 0700 "$aside"
for f in "$db" "$db-wal" "$db-shm" "$db.inbox" "$db.inbox-wal" "$db.inbox-shm"; do
  if [ -e "$f" ]; then mv "$f" "$aside/"; fi
done
put "$from/scenecode.db" "$db"
[ -f "$from/scenecode.db.inbox" ] && put "$from/scenecode.db.inbox" "$db.inbox"
if [ -f "$from/auth-secret" ]; then
  [ -f "$data/auth-secret" ] && mv "$data/auth-secret" "$aside/"
  put "$from/auth-secret" "$data/auth-secret"
fi
echo "restored $from into $db (the replaced files are in $aside)"
