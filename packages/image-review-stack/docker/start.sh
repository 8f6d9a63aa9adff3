#!/bin/sh
# Runs the API and nginx side by side under tini; if either exits, the task
# stops and ECS replaces it. SIGTERM from ECS reaches both.
set -eu

node /app/main.js &
api=$!
nginx -c /etc/nginx/nginx.conf -g 'daemon off;' &
proxy=$!

stop() {
  kill -TERM "$proxy" "$api" 2>/dev/null || true
}
trap stop TERM INT

# Wait until one of them exits, then stop the other.
while kill -0 "$api" 2>/dev/null && kill -0 "$proxy" 2>/dev/null; do
  sleep 1
done
stop
wait "$api" 2>/dev/null || true
wait "$proxy" 2>/dev/null || true
exit 1
