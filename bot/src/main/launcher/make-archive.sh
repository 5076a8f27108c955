#!/bin/sh
# make-archive.sh TARGET_DIR SAMPLE_MBOX: run at build time (mvn package). Installs the launcher
# next to lorebot.jar and makes the class-data archive lorebot.jsa that the launcher passes to
# the JVM: the JDK's and lorebot's classes that real commands load (an ingest of SAMPLE_MBOX, the
# same ingest again finding nothing new, a search and a thread over that index), parsed,
# verified and laid out once here. One static archive holds them all, so an ingest maps its
# classes as a search does. JAVA (default java) picks the JVM: an archive fits only the JVM that
# made it, and only the jar at this path.
set -eu
target=$(cd "$1" && pwd)
sample=$2
cp "$(dirname "$0")/lorebot" "$target/lorebot"
chmod +x "$target/lorebot"
data="$target/cds-training"
lists="$target/cds-classes"
rm -rf "$data" "$lists" "$target/lorebot.jsa"
mkdir "$lists"
java=${JAVA:-java}
jar="$target/lorebot.jar"
log="$target/cds-training.log"
id=$(sed -n 's/^Message-I[Dd]: *<\(.*\)>.*/\1/p' "$sample" | head -1)
train() {
    name=$1; shift
    "$java" -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList="$lists/$name" -jar "$jar" "$@" \
        >> "$log" 2>&1
}
: > "$log"
train ingest ingest --data "$data" --list sample "$sample"
train again ingest --data "$data" --list sample "$sample"
train search search --data "$data" --limit 5 's:PATCH'
train thread thread --data "$data" "$id"
# Every class once, in first-loaded order.
cat "$lists/ingest" "$lists/again" "$lists/search" "$lists/thread" | awk '!seen[$0]++' \
    > "$lists/all"
"$java" -Xshare:dump -XX:SharedClassListFile="$lists/all" -XX:SharedArchiveFile="$target/lorebot.jsa" \
    -cp "$jar" >> "$log" 2>&1
rm -rf "$data" "$lists"
