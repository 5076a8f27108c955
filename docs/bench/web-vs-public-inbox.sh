#!/bin/bash
# docs/bench/web-vs-public-inbox.sh WORKDIR [N]: the linux-mtd archive served side by side by
# lorebot serve and public-inbox-httpd (Debian's public-inbox), the same pages timed on both.
# Run from the repository root after `mvn -B -q -DskipTests package`, with LOREBOT_FIXTURES
# set. The first run indexes the archive for both (public-inbox-index takes minutes); later
# runs reuse WORKDIR.
set -eu
work=$1; n=${2:-30}; J=$PWD/bot/target/lorebot.jar
mkdir -p "$work"; work=$(cd "$work" && pwd)
export PI_CONFIG=$work/pi-config HOME=$work/home
inbox=$work/pi/linux-mtd
if [ ! -e "$work/indexed" ]; then
    mkdir -p "$HOME"; git config --global init.defaultBranch master
    public-inbox-init -V2 linux-mtd "$inbox" http://127.0.0.1/linux-mtd linux-mtd@lists.infradead.org
    rm -rf "$inbox/git/0.git"
    tar xf "$LOREBOT_FIXTURES/linux-mtd/linux-mtd-0.git.tar" -C "$inbox/git/"
    public-inbox-index "$inbox"
    printf '[core]\n    data = %s/lorebot-data\n[inbox "linux-mtd"]\n    path = %s\n' "$work" "$inbox" > "$work/lorebot.conf"
    java -jar "$J" ingest --config "$work/lorebot.conf"
    touch "$work/indexed"
fi
java -jar "$J" serve --config "$work/lorebot.conf" --listen 127.0.0.1:18080 > "$work/lorebot.log" 2>&1 &
lb=$!
public-inbox-httpd -W0 -l 127.0.0.1:18081 > "$work/pi.log" 2>&1 &
pi=$!
trap 'kill $lb $pi' EXIT
sleep 5
# a patch thread of 21 messages, as in the issue's figure
msgid=20191018154052.1276506-1-arnd@arndb.de
echo "thread: <$msgid>"
python3 docs/bench/web-vs-public-inbox.py http://127.0.0.1:18080 $lb http://127.0.0.1:18081 $pi "$msgid" "$n"
