#!/bin/bash
# docs/bench/ingest-vs-public-inbox.sh EPOCH_GIT [RUNS]
#
# Ingests one public-inbox v2 epoch (a bare git repository such as linux-mtd's 0.git) with
# `lorebot ingest` and with Debian's `public-inbox-index`, in turn, RUNS times each (default 3),
# every run into a fresh directory. Prints each run's whole-process figures from GNU time (wall,
# user+sys CPU of the process and all its children and threads, peak RSS), the medians, and the
# ratio public-inbox / lorebot. Run from the repository root after `mvn -B -q -DskipTests package`.
# LOREBOT (default the launcher bot/target/lorebot) picks the command to time.
set -eu
epoch=$(cd "$1" && pwd); runs=${2:-3}
lorebot=${LOREBOT:-$PWD/bot/target/lorebot}
work=$(mktemp -d "${TMPDIR:-/tmp}/ingest-vs-pi.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PI_CONFIG=$work/pi-config   # keep public-inbox away from ~/.public-inbox

# timed NAME CMD...: runs CMD under GNU time, appends "wall cpu rss_kb" to $work/NAME
timed() {
    local name=$1; shift
    /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" > "$work/$name.log" 2>&1 \
        || { echo "$name failed, see its output:"; tail -20 "$work/$name.log"; exit 1; }
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/t" >> "$work/$name"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for run in $(seq "$runs"); do
    rm -rf "$work/lorebot-data"
    timed lorebot $lorebot ingest --data "$work/lorebot-data" --list bench "$epoch"

    rm -rf "$work/inbox" "$PI_CONFIG"
    public-inbox-init -V2 bench "$work/inbox" http://localhost/bench bench@localhost \
        > /dev/null 2>&1
    rm -rf "$work/inbox/git/0.git"
    cp -r "$epoch" "$work/inbox/git/0.git"   # a copy: a clone refuses an epoch with a missing blob
    timed public-inbox public-inbox-index "$work/inbox"
    echo "run $run: lorebot $(tail -1 "$work/lorebot"), public-inbox $(tail -1 "$work/public-inbox")" \
        "(wall s, CPU s, peak RSS KiB)"
done

messages=$(git --git-dir="$epoch" rev-list --count HEAD)
for tool in lorebot public-inbox; do
    wall=$(cut -d' ' -f1 "$work/$tool" | median)
    cpu=$(cut -d' ' -f2 "$work/$tool" | median)
    rss=$(cut -d' ' -f3 "$work/$tool" | median)
    printf '%-12s median of %d: %7.2f s wall %7.2f s CPU %6d MB peak RSS %6.0f msgs/s\n' \
        "$tool" "$runs" "$wall" "$cpu" $((rss / 1024)) "$(echo "$messages / $wall" | bc -l)"
    eval "${tool//-/_}_wall=$wall ${tool//-/_}_cpu=$cpu"
done
printf 'public-inbox / lorebot: %.1fx wall, %.1fx CPU (%d commits, load average %s)\n' \
    "$(echo "$public_inbox_wall / $lorebot_wall" | bc -l)" \
    "$(echo "$public_inbox_cpu / $lorebot_cpu" | bc -l)" "$messages" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
