#!/usr/bin/env bash
# Starts a real SMS gateway for the tests: Kannel's bearerbox with a fake SMSC (the phones are
# `fakesmsc` from kannel-extras, which the browser test connects), and smsbox, which hands each SMS
# to the server's inbound address and serves the `sendsms` interface the server sends through.
# Usage: scripts/kannel.sh DIR SERVER_URL SECRET — writes DIR/kannel.conf, starts both boxes,
# waits until sendsms answers, and writes their pids to DIR/kannel.pids.
# Ports: KANNEL_PORT (default 13000) and the three after it, and 13013 + offset for sendsms.
set -euo pipefail
dir=$1 server=$2 secret=$3
base=${KANNEL_PORT:-13000}
admin=$base smsbox=$((base + 1)) smsc=$((base + 2)) sendsms=$((base + 13))
cat > "$dir/kannel.conf" <<CONF
group = core
admin-port = $admin
admin-password = test-only
smsbox-port = $smsbox
box-allow-ip = 127.0.0.1
log-file = "$dir/bearerbox.log"
log-level = 1
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = phones
port = $smsc
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
sendsms-port = $sendsms
log-file = "$dir/smsbox.log"
log-level = 1
mo-recode = true

group = sendsms-user
username = resilience
password = test-only
max-messages = 3
concatenation = true

group = sms-service
keyword = default
get-url = "$server/api/v1/sms/inbound?secret=$secret&from=%p&text=%a"
accept-x-kannel-headers = true
max-messages = 3
concatenation = true
omit-empty = true
CONF
/usr/sbin/bearerbox "$dir/kannel.conf" > "$dir/bearerbox.out" 2>&1 &
echo $! > "$dir/kannel.pids"
sleep 1
/usr/sbin/smsbox "$dir/kannel.conf" > "$dir/smsbox.out" 2>&1 &
echo $! >> "$dir/kannel.pids"
for _ in $(seq 1 40); do
  curl -s "http://127.0.0.1:$sendsms/cgi-bin/sendsms" >/dev/null 2>&1 && break
  sleep 0.25
done
curl -s "http://127.0.0.1:$sendsms/cgi-bin/sendsms" >/dev/null 2>&1 || { cat "$dir"/*.out; exit 1; }
echo "http://127.0.0.1:$sendsms/cgi-bin/sendsms"
