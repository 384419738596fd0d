#!/usr/bin/env bash
# Measures the host's budgets of DESIGN §5 from outside, on the large session
# (20,000 events), for one or two fgd binaries side by side in one run (the
# second typically the build before a change):
#   - `fgd run`: time to its first frame;
#   - `fgd join`: time to its first frame, one terminal at a time (REPEAT runs);
#   - `fgd apply` of one command through the host: the whole process, from
#     start to exit (REPEAT runs);
#   - `fgd export --format md` and `--format json` through the host;
#   - 20 terminals joining at once: each one's time to its first frame, and
#     the host's peak RSS (VmHWM) after.
# A frame counts as drawn when its footer ("? bantuan") reaches the
# terminal's output (tmux pipe-pane). Budgets: first frame, join and apply
# ≤ 100 ms; 20 joining at once ≤ 1 s each, host RSS ≤ 80 MiB.
#
# Usage: scripts/perf-host.sh [REPEAT]        (default 10)
#   FGD_BIN          the fgd to measure (default: builds the release one)
#   FGD_BIN_BEFORE   another fgd to measure in the same run (optional)
#   FGD_PERF_SESSION a session.json (default: written by
#                    `cargo run --release --example large_session`)
#   FGD_PERF_JOINERS how many join at once (default 20)
# Linux only (/proc). Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/.."

repeat=${1:-10}
joiners=${FGD_PERF_JOINERS:-20}
command -v tmux >/dev/null || { echo "perf-host: tmux is not installed" >&2; exit 2; }
[ -d /proc/self ] || { echo "perf-host: needs Linux (/proc)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/fgd-perf-host.XXXXXX")
sock="$work/tmux.sock"
cleanup() {
    tmux -S "$sock" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${FGD_BIN:-}" ] || [ -z "${FGD_PERF_SESSION:-}" ]; then
    echo "== building (release)" >&2
    cargo build --release --locked --quiet --bin fgd --example large_session
fi
session_json=${FGD_PERF_SESSION:-}
if [ -z "$session_json" ]; then
    session_json="$work/large.json"
    target/release/examples/large_session "$session_json"
fi

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# median and p99 (nearest rank) of numbers, one a line
stats() { sort -n | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    p = int(0.99 * NR + 0.999); if (p < 1) p = 1
    printf "median %s ms, p99 %s ms, max %s ms (%d runs)", m, v[p], v[NR], NR }'; }

# frame NAME FILE: waits until FILE (the pane's output) holds a footer;
# prints the ms since $t0
wait_frame() {
    local out=$1 t0=$2
    until grep -q 'bantuan\|help' "$out" 2>/dev/null; do
        if [ $(($(now_ms) - t0)) -gt 60000 ]; then
            echo "perf-host: no frame in $out after 60 s" >&2
            exit 1
        fi
        sleep 0.005
    done
    echo $(($(now_ms) - t0))
}

# pane NAME CMD: a tmux pane that runs CMD once it gets Enter, its output piped
pane() {
    local name=$1 cmd=$2
    : >"$work/$name.out"
    tmux -S "$sock" new-session -d -s "$name" -x 120 -y 34 "read _; exec $cmd"
    tmux -S "$sock" pipe-pane -o -t "$name" "cat >> '$work/$name.out'"
}

measure() { # LABEL FGD
    local label=$1 fgd=$2 data="$work/data-$1"
    local env="env FGD_DATA_DIR='$data' FGD_CONFIG=/nonexistent"
    local id
    id=$(FGD_DATA_DIR="$data" "$fgd" import "$session_json")
    echo "== $label ($fgd)"

    pane "$label-host" "$env '$fgd' run '$id' --out '$work/minutes'"
    local t0
    t0=$(now_ms)
    tmux -S "$sock" send-keys -t "$label-host" Enter
    echo "fgd run, first frame: $(wait_frame "$work/$label-host.out" "$t0") ms"
    local hostpid
    hostpid=$(tmux -S "$sock" display -p -t "$label-host" '#{pane_pid}')
    sleep 1

    : >"$work/join.ms"
    for i in $(seq "$repeat"); do
        pane "$label-j$i" "$env '$fgd' join '$id' --role viewer"
        t0=$(now_ms)
        tmux -S "$sock" send-keys -t "$label-j$i" Enter
        wait_frame "$work/$label-j$i.out" "$t0" >>"$work/join.ms"
        tmux -S "$sock" kill-session -t "$label-j$i"
    done
    echo "fgd join, first frame: $(stats <"$work/join.ms")"

    : >"$work/apply.ms"
    for i in $(seq "$repeat"); do
        t0=$(now_ms)
        echo "{\"cmd\":\"add_note\",\"text\":\"ukur $i\",\"kind\":\"insight\"}" |
            FGD_DATA_DIR="$data" "$fgd" apply "$id" >/dev/null
        echo $(($(now_ms) - t0)) >>"$work/apply.ms"
    done
    echo "fgd apply, one command through the host: $(stats <"$work/apply.ms")"

    for format in md json; do
        : >"$work/export.ms"
        for i in $(seq "$repeat"); do
            t0=$(now_ms)
            FGD_DATA_DIR="$data" "$fgd" export "$id" --format "$format" --out "$work/out" >/dev/null
            echo $(($(now_ms) - t0)) >>"$work/export.ms"
        done
        echo "fgd export --format $format through the host: $(stats <"$work/export.ms")"
    done

    for i in $(seq "$joiners"); do
        pane "$label-m$i" "$env '$fgd' join '$id' --role viewer"
    done
    declare -A started
    for i in $(seq "$joiners"); do
        started[$i]=$(now_ms)
        tmux -S "$sock" send-keys -t "$label-m$i" Enter
    done
    : >"$work/many.ms"
    for i in $(seq "$joiners"); do
        wait_frame "$work/$label-m$i.out" "${started[$i]}" >>"$work/many.ms"
    done
    echo "$joiners fgd join at once, each to its first frame: $(stats <"$work/many.ms")"
    awk '/^VmHWM:/ {printf "host peak RSS: %.1f MiB\n", $2 / 1024}' "/proc/$hostpid/status"
    for i in $(seq "$joiners"); do
        tmux -S "$sock" kill-session -t "$label-m$i"
    done
    tmux -S "$sock" kill-session -t "$label-host"
    echo
}

printf 'fgd host budgets, large session; %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)"
printf 'machine: %s cores, %s; load average (1, 5, 15 min): %s\n\n' "$(nproc)" \
    "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${FGD_BIN_BEFORE:-}" ]; then
    measure before "$FGD_BIN_BEFORE"
fi
measure after "${FGD_BIN:-$PWD/target/release/fgd}"
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
