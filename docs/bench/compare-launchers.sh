#!/bin/bash
# docs/bench/compare-launchers.sh RUNS LAUNCHER_A [LAUNCHER_B ...] -- ARG...
#
# Runs `LAUNCHER ARG...` for each launcher in turn (A B A B ..., so that a drift of the machine
# hits all of them), RUNS times each, under GNU time, and prints each run's whole-process wall
# time, CPU time (user+sys of the process and all its threads) and peak RSS, then the medians.
# A launcher is bot/target/lorebot or a copy of it made with make-archive.sh (each with its own
# jar and class-data archive). Two placeholders in ARG are replaced before every run:
#   {copy:DIR}  a hard-linked copy (cp -al) of the data directory DIR, removed after the run
#   {fresh}     the path of a new, empty data directory, removed after the run
# Example: 1,000 new messages into a 30,000-message index, five runs each:
#   compare-launchers.sh 5 /tmp/base/lorebot bot/target/lorebot -- \
#       ingest --data {copy:/tmp/d30k} --list lkml inc1k.mbox
set -eu
runs=$1; shift
launchers=()
while [ "$1" != "--" ]; do launchers+=("$1"); shift; done
shift
work=$(mktemp -d "${TMPDIR:-/tmp}/compare-launchers.XXXXXX")
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for run in $(seq "$runs"); do
    for i in "${!launchers[@]}"; do
        args=()
        for arg in "$@"; do
            case "$arg" in
                "{copy:"*) src=${arg#\{copy:}; src=${src%\}}
                           rm -rf "$work/data"; cp -al "$src" "$work/data"; args+=("$work/data") ;;
                "{fresh}") rm -rf "$work/data"; args+=("$work/data") ;;
                *) args+=("$arg") ;;
            esac
        done
        /usr/bin/time -f '%e %U %S %M' -o "$work/t" "${launchers[$i]}" "${args[@]}" \
            > "$work/out" 2>&1 || { echo "${launchers[$i]} failed:"; tail -5 "$work/out"; exit 1; }
        rm -rf "$work/data"
        line=$(awk '{ printf "%s %.2f %d", $1, $2 + $3, $4 / 1024 }' "$work/t")
        echo "$line" >> "$work/r$i"
        echo "run $run ${launchers[$i]}: $line (wall s, CPU s, peak RSS MB; load $(cut -d' ' -f1 /proc/loadavg))"
    done
done
for i in "${!launchers[@]}"; do
    printf '%s: median of %d: %s s wall, %s s CPU, %s MB peak RSS\n' "${launchers[$i]}" "$runs" \
        "$(cut -d' ' -f1 "$work/r$i" | median)" "$(cut -d' ' -f2 "$work/r$i" | median)" \
        "$(cut -d' ' -f3 "$work/r$i" | median)"
done
