#!/usr/bin/env bash
# Online backup of a one-box Scenecode (SQLite) while it serves: a consistent copy of the main
# database, its inbox and the generated auth secret into a new folder under the backup directory.
#   deploy/backup.sh /opt/scenecode/data /var/backups/scenecode
# Needs Debian's sqlite3. VACUUM INTO copies one read transaction (WAL: writers go on meanwhile).
set -euo pipefail
data=${1:?usage: deploy/backup.sh <data dir> <backup dir>}
dest=${2:?usage: deploy/backup.sh <data dir> <backup dir>}
db=${DB_FILE:-$data/scenecode.db}
out="$dest/scenecode-$(date -u +%Y%m%dT%H%M%SZ)"
[ -f "$db" ] || { echo "backup: no database at $db" >&2; exit 1; }
mkdir -p -m 0700 "$out"
copy() { sqlite3 -bail -cmd ".timeout 10000" "$1" "VACUUM INTO '$2'"; }

# The inbox holds acknowledged pushes not yet moved into the main file. Copy it FIRST: a push the
# inbox forgets was committed to the main file before, so the main file copied afterwards has it
# (the other order loses pushes moved in between). A push in both is stored once on restore.
[ -f "$db.inbox" ] && copy "$db.inbox" "$out/scenecode.db.inbox"
copy "$db" "$out/scenecode.db"
# Without AUTH_SECRET set, the app sealed the accounts' secrets with this file's key.
[ -f "$data/auth-secret" ] && cp -p "$data/auth-secret" "$out/auth-secret"

check=$(sqlite3 "$out/scenecode.db" "PRAGMA quick_check")
[ "$check" = ok ] || { echo "backup: $out/scenecode.db failed its check: $check" >&2; exit 1; }
echo "$out"
