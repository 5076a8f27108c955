#!/bin/sh
# make-archive.sh TARGET_DIR SAMPLE_MBOX: run at build time (mvn package). Installs the launcher
# next to lorebot.jar and records the classes of a real search (over an index of SAMPLE_MBOX) in
# the class-data archive lorebot.jsa that the launcher passes to the JVM. JAVA (default java)
# picks the JVM: an archive fits only the JVM that made it.
set -eu
target=$(cd "$1" && pwd)
sample=$2
cp "$(dirname "$0")/lorebot" "$target/lorebot"
chmod +x "$target/lorebot"
data="$target/cds-training"
rm -rf "$data" "$target/lorebot.jsa"
java=${JAVA:-java}
"$java" -jar "$target/lorebot.jar" ingest --data "$data" --list sample "$sample" > "$target/cds-training.log" 2>&1
"$java" -XX:ArchiveClassesAtExit="$target/lorebot.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$target/lorebot.jar" search --data "$data" --limit 5 's:PATCH' >> "$target/cds-training.log" 2>&1
rm -rf "$data"
