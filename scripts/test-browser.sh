#!/usr/bin/env bash
# Starts the server on a fresh demo database, drives it with headless Chromium (screenshots in
# artifacts/screenshots/) and holds the API to its OpenAPI document with schemathesis.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BROWSER_TEST_PORT:-8089}
work=$(mktemp -d)
export DATABASE_URL="sqlite://$work/browser.sqlite"
bin=$(swift build --show-bin-path)/resilience
# Roll-call SMS go through a real Kannel; the phones are fakesmsc, which the roll-call test drives.
export KANNEL_PORT=${KANNEL_PORT:-13000}
export RESILIENCE_SMS_SECRET="browser-$RANDOM$RANDOM"
export RESILIENCE_SMS_URL=$(scripts/kannel.sh "$work" "http://127.0.0.1:$port" "$RESILIENCE_SMS_SECRET")
export RESILIENCE_SMS_USERNAME=resilience RESILIENCE_SMS_PASSWORD=test-only RESILIENCE_SMS_FROM=1000
export RESILIENCE_SMS_CALLBACK="http://127.0.0.1:$port"
# E-mail goes to a sink that keeps each message in a folder (the roll-call test follows its link).
export MAIL_DIR="$work/mail" SMTP_PORT=${SMTP_PORT:-2525}
python3 scripts/smtp-sink.py "$SMTP_PORT" "$MAIL_DIR" > "$work/smtp.log" 2>&1 &
sink=$!
export RESILIENCE_SMTP_HOST=127.0.0.1 RESILIENCE_SMTP_PORT=$SMTP_PORT RESILIENCE_PUBLIC_URL="http://127.0.0.1:$port"
"$bin" serve --demo --hostname 127.0.0.1 --port "$port" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server $sink $(cat "$work/kannel.pids" 2>/dev/null) 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }

token=$("$bin" token create admin --name contract-check | tail -1)
# The token lets each browser test put the demo accounts' language back to "as my browser".
BASE_URL="http://127.0.0.1:$port" ADMIN_TOKEN="$token" FAKESMSC_PORT=$((KANNEL_PORT + 2)) python3 -m pytest -q -p no:cacheprovider Tests/Browser

# Real identifiers for the path parameters, so that the fuzzer reaches past 404.
api() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/$1"; }
first() { python3 -c "import json,sys; d=json.load(sys.stdin); d=d.get('items', d) if isinstance(d, dict) else d; print(d[0]['id'])"; }
unit=$(api "units?q=KEN-DAD" | first)
station=$(api "duty-stations?q=Dadaab" | first)
user=$(api "users?q=staff.coxsbazar" | first)
grant=$(api "users/$user/grants" | first)
bgd=$(api "units?q=BGD" | first)
plan=$(api "units/$bgd/plans" | first)
# The browser tests leave a plan with feedback threads and a campaign behind.
thread=$(api "units/$bgd/plans" | python3 -c "import json,sys; print([p['id'] for p in json.load(sys.stdin) if p['state'] == 'in_force'][0])" \
  | xargs -I{} curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/plans/{}/review" \
  | python3 -c "import json,sys; t=json.load(sys.stdin)['threads']; print(t[0]['id'] if t else '00000000-0000-0000-0000-000000000000')")
mena=$(api "units?q=RB-MENA" | first)
campaign=$(api "units/$mena/campaigns" | first)
tok=$(curl -sf -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d '{"name":"to revoke"}' \
  "http://127.0.0.1:$port/api/v1/tokens" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
# A risk in the unit the contract check uses, added by the officer who keeps that register.
officer=$("$bin" token create security.kenya --name contract-check | tail -1)
risk=$(curl -sf -H "Authorization: Bearer $officer" -H "Content-Type: application/json" \
  -d '{"kind":"security","title":"Contract check","likelihood":3,"impact":4}' "http://127.0.0.1:$port/api/v1/units/$unit/risks" \
  | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
# Kenya's first security area and its level in force.
ken=$(api "units?q=KEN" | python3 -c "import json,sys; print([u['id'] for u in json.load(sys.stdin)['items'] if u['code'] == 'KEN'][0])")
area=$(api "units/$ken/security-areas" | first)
level=$(api "security-areas/$area" | python3 -c "import json,sys; print(json.load(sys.stdin)['history'][0]['id'])")
measure=$(api "security-measures" | first)
assessment=$(api "security-areas/$area/assessments" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d[0]['id'] if d else '00000000-0000-0000-0000-000000000000')")
threat=$(api "risk-assessments/$assessment" | python3 -c "import json,sys; t=json.load(sys.stdin)['content']['threats']; print(t[0]['id'] if t else '00000000-0000-0000-0000-000000000000')" || echo 00000000-0000-0000-0000-000000000000)
agency=$(api "agencies" | first)
# Kenya's first personnel record, its closed roll-call and one of its people.
personnel=$(api "units/$ken/personnel" | first)
rollcall=$(api "units/$ken/roll-calls" | first)
entry=$(api "roll-calls/$rollcall/entries" | first)
# Nusrat Jahan's trip to Dadaab (the demo's, waiting for clearance), its first leg, an advisory.
nusrat=$(api "units/$bgd/personnel?per=100" | python3 -c "import json,sys; print([p['id'] for p in json.load(sys.stdin)['items'] if p['name'] == 'Nusrat Jahan'][0])")
trip=$(api "personnel/$nusrat/trips" | first)
leg=$(api "travel/requests/$trip" | python3 -c "import json,sys; print(json.load(sys.stdin)['legs'][0]['id'])")
advisory=$(api "advisories" | first)
cat > "$work/schemathesis.toml" <<TOML
[parameters]
unitID = "$unit"
stationID = "$station"
userID = "$user"
grantID = "$grant"
tokenID = "$tok"
planID = "$plan"
threadID = "$thread"
campaignID = "$campaign"
riskID = "$risk"
areaID = "$area"
levelID = "$level"
measureID = "$measure"
assessmentID = "$assessment"
threatID = "$threat"
agencyID = "$agency"
personnelID = "$personnel"
rollCallID = "$rollcall"
entryID = "$entry"
requestID = "$trip"
legID = "$leg"
advisoryID = "$advisory"
number = 1
TOML
schemathesis --config-file "$work/schemathesis.toml" run "http://127.0.0.1:$port/api/v1/openapi.json" --url "http://127.0.0.1:$port/api/v1" \
  -H "Authorization: Bearer $token" --checks not_a_server_error --max-examples 15 --no-color \
  --phases examples,coverage,fuzzing --seed 1 > "$work/contract.log" 2>&1 || { tail -60 "$work/contract.log"; exit 1; }
tail -40 "$work/contract.log"
if grep -qiE "internal server error|status.*500" "$work/server.log"; then grep -iE "500|error" "$work/server.log" | head; exit 1; fi
echo "contract: no server errors"
