#!/usr/bin/env bash
# Measures the live program from outside (DESIGN §5): `fgd run` in tmux on the
# large session (200 participants, 30 items, 2,000 notes, 500 actions, 20,000
# events) side by side with the same on a small one (a bundled plan), both
# live with their clocks ticking:
#   - time to first frame (from the command starting to its footer on screen);
#   - idle CPU over SECONDS (default 30), from /proc/PID/stat;
#   - peak RSS (VmHWM in /proc/PID/status);
#   - bytes written to the terminal per clock tick (tmux pipe-pane), against
#     the bytes of the first, full frame.
# Budgets: idle ≤ 1 % of one core, peak RSS ≤ 50 MiB (large session).
#
# Usage: scripts/perf-live.sh [SECONDS]
#   FGD_BIN           a built fgd (default: builds the release one)
#   FGD_PERF_SESSION  a session.json to measure (default: written by
#                     `cargo run --release --example large_session`)
#   FGD_PERF_SIZE     terminal size, WxH (default 200x60)
# Linux only (/proc). Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
size=${FGD_PERF_SIZE:-200x60}
width=${size%x*}
height=${size#*x}

command -v tmux >/dev/null || { echo "perf-live: tmux is not installed" >&2; exit 2; }
[ -d /proc/self ] || { echo "perf-live: needs Linux (/proc)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/fgd-perf-live.XXXXXX")
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
fgd=${FGD_BIN:-$PWD/target/release/fgd}
session_json=${FGD_PERF_SESSION:-}
if [ -z "$session_json" ]; then
    session_json="$work/large.json"
    target/release/examples/large_session "$session_json"
fi

data="$work/data"
run_fgd() { FGD_DATA_DIR="$data" FGD_CONFIG=/nonexistent "$fgd" "$@"; }
large=$(run_fgd import "$session_json")
small=$(run_fgd new --plan fgd-pola-pikir)
echo '{"cmd":"start"}' | run_fgd apply "$small" >/dev/null

now_ms() { echo $(($(date +%s%N) / 1000000)); }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
bytes() { stat -c %s "$1"; }

declare -A first_ms first_bytes pid
start() { # NAME ID: starts `fgd run ID` in tmux and waits for its first frame
    local name=$1 id=$2 out="$work/$1.out"
    : >"$out"
    # The pane waits for Enter, so its output is piped before fgd starts.
    tmux -S "$sock" new-session -d -s "$name" -x "$width" -y "$height" \
        "read _; exec env FGD_DATA_DIR='$data' FGD_CONFIG=/nonexistent '$fgd' run '$id' --out '$work/minutes'"
    tmux -S "$sock" pipe-pane -o -t "$name" "cat >> '$out'"
    local t0
    t0=$(now_ms)
    tmux -S "$sock" send-keys -t "$name" Enter
    # The footer is the frame's last row: once it shows, the frame is whole.
    until tmux -S "$sock" capture-pane -p -t "$name" | grep -q '? bantuan\|? help'; do
        if [ $(($(now_ms) - t0)) -gt 20000 ]; then
            echo "perf-live: no frame from $name after 20 s:" >&2
            tmux -S "$sock" capture-pane -p -t "$name" >&2
            exit 1
        fi
        sleep 0.01
    done
    first_ms[$name]=$(($(now_ms) - t0))
    first_bytes[$name]=$(bytes "$out")
    pid[$name]=$(tmux -S "$sock" display -p -t "$name" '#{pane_pid}')
}

load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before=$(load)
# One after the other, so they don't compete for the first frame.
start small "$small"
start large "$large"
sleep 2 # let both settle into idle: the screens are drawn and ticking

declare -A ticks0 bytes0
for name in small large; do
    ticks0[$name]=$(ticks "${pid[$name]}")
    bytes0[$name]=$(bytes "$work/$name.out")
done
sleep "$seconds"
hz=$(getconf CLK_TCK)
load_after=$(load)

printf '\nfgd run, %s×%s in tmux, idle for %s s; %s\n' "$width" "$height" "$seconds" "$(date -u +%Y-%m-%dT%H:%MZ)"
printf 'machine: %s cores, %s\n' "$(nproc)" "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
printf 'load average (1, 5, 15 min): %s before, %s after\n\n' "$load_before" "$load_after"
printf '%-34s %12s %12s %14s %16s %16s\n' session 'first frame' 'idle CPU' 'peak RSS' 'bytes per tick' 'first frame'
printf '%-34s %12s %12s %14s %16s %16s\n' '' ms '% of a core' MiB '(1 tick a s)' bytes
status=0
for name in small large; do
    p=${pid[$name]}
    if [ ! -d "/proc/$p" ]; then
        echo "perf-live: fgd ($name) is gone" >&2
        exit 1
    fi
    cpu=$(awk -v d=$(($(ticks "$p") - ticks0[$name])) -v hz="$hz" -v s="$seconds" \
        'BEGIN {printf "%.2f", 100 * d / hz / s}')
    rss=$(awk -v k="$(hwm_kib "$p")" 'BEGIN {printf "%.1f", k / 1024}')
    per_tick=$(awk -v b=$(($(bytes "$work/$name.out") - bytes0[$name])) -v s="$seconds" \
        'BEGIN {printf "%.0f", b / s}')
    label="small (bundled plan, 22 people)"
    [ "$name" = large ] && label="large (20,000 events)"
    printf '%-34s %12s %12s %14s %16s %16s\n' "$label" "${first_ms[$name]}" "$cpu" "$rss" "$per_tick" "${first_bytes[$name]}"
    if [ "$name" = large ]; then
        awk -v c="$cpu" 'BEGIN {exit !(c <= 1.0)}' || status=1
        awk -v r="$rss" 'BEGIN {exit !(r <= 50)}' || status=1
    fi
done
echo
if [ $status -eq 0 ]; then
    echo "budgets (large session): idle ≤ 1 % of a core, peak RSS ≤ 50 MiB: met"
else
    echo "budgets (large session): idle ≤ 1 % of a core, peak RSS ≤ 50 MiB: MISSED"
fi
for name in small large; do
    tmux -S "$sock" send-keys -t "$name" q y 2>/dev/null || true
done
exit $status
