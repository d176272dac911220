#!/usr/bin/env bash
# Fills in a template of deploy/ from the environment and prints it: every name between at signs must be set.
#   deploy/render.sh deploy/nginx.conf > /etc/nginx/sites-available/scenecode
# The upstream block's servers: APP_SERVERS="10.0.0.2:3000 10.0.0.3:3000" (instances on other
# machines), or APP_PORTS="3000 3001" for instances on this one (127.0.0.1; default 3000).
set -euo pipefail
template=${1:?usage: deploy/render.sh <template>}
: "${APP_SERVERS:=$(for port in ${APP_PORTS:-3000}; do printf '127.0.0.1:%s ' "$port"; done)}"
UPSTREAM_SERVERS=$(for server in $APP_SERVERS; do printf '    server %s max_fails=1 fail_timeout=5s;\n' "$server"; done)
export UPSTREAM_SERVERS
missing=$(grep -o '@[A-Z_]*@' "$template" | sort -u | tr -d @ | while read -r name; do [ -n "${!name+set}" ] || echo "$name"; done)
if [ -n "$missing" ]; then
  echo "render: set $(echo $missing | tr ' ' ',') for $template" >&2
  exit 1
fi
# awk replaces literally (values hold slashes, dots and newlines).
awk '{
  line = $0
  while (match(line, /@[A-Z_]+@/)) {
    name = substr(line, RSTART + 1, RLENGTH - 2)
    line = substr(line, 1, RSTART - 1) ENVIRON[name] substr(line, RSTART + RLENGTH)
  }
  print line
}' "$template"
