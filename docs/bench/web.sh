#!/bin/bash
# docs/bench/web.sh DATA PORT: serves an ingested data directory, then measures with wrk
# (Debian's package) on loopback: one client per page (search, a patch's page, its thread),
# then 16 clients on the search page. Run from the repository root after
# `mvn -B -q -DskipTests package` and `lorebot ingest --data DATA --list lkml ARCHIVE`.
set -eu
data=$1; port=$2; J=bot/target/lorebot.jar
java -jar $J serve --data $data --listen 127.0.0.1:$port > "${TMPDIR:-/tmp}/lorebot-serve-$port.log" 2>&1 &
spid=$!; sleep 4
patch=$(java -jar $J search --data $data --json --limit 50 'dfb:GFP_DMA' | grep -v '"subject":"Re:' | head -1 | python3 -c 'import json,sys,urllib.parse;d=json.load(sys.stdin);print(urllib.parse.quote(d["message_id"],safe="@"), urllib.parse.quote(d["thread"],safe="@"))')
msg=${patch% *}; thr=${patch#* }
base=http://127.0.0.1:$port
for p in "/lkml/?q=s:usb" "/lkml/$msg/" "/lkml/$thr/T/"; do
  wrk -t1 -c1 -d6s "$base$p" > /dev/null
  echo "== $p"; wrk -t1 -c1 -d12s --latency "$base$p" | grep -E " 50%| 99%|Requests/sec|Non-2xx"
done
echo "== 16 clients, search page"; wrk -t2 -c16 -d20s --latency "$base/lkml/?q=s:usb" | grep -E " 50%| 99%|Requests/sec|Non-2xx"
curl -s -o /dev/null -w "thread page status %{http_code}, %{size_download} bytes\n" "$base/lkml/$thr/T/"
kill $spid
