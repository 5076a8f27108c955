#!/bin/bash
# docs/bench/web-slow-clients.sh WORKDIR [N] [HELD]: lorebot serve on the linux-mtd archive,
# a message page timed N times while HELD slow or silent connections are held
# (docs/bench/web-slow-clients.py). WORKDIR is one docs/bench/web-vs-public-inbox.sh has
# indexed. Run from the repository root after `mvn -B -q -DskipTests package`. Loopback only.
set -eu
work=$(cd "$1" && pwd); n=${2:-200}; held=${3:-500}; J=$PWD/bot/target/lorebot.jar
[ -e "$work/indexed" ] || { echo "web-slow-clients.sh: $work is not indexed; run web-vs-public-inbox.sh on it first" >&2; exit 2; }
java -jar "$J" serve --config "$work/lorebot.conf" --listen 127.0.0.1:18082 > "$work/lorebot-slow.log" 2>&1 &
lb=$!
trap 'kill $lb' EXIT
sleep 5
msgid=20191018154052.1276506-1-arnd@arndb.de
python3 docs/bench/web-slow-clients.py http://127.0.0.1:18082 $lb "/linux-mtd/$msgid/" "$n" "$held"
