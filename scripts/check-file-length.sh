#!/usr/bin/env bash
# Fails when a Rust file under src/ passes 600 lines (STYLE.md: small files
# with one job). Functions are held under 80 lines by clippy (clippy.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${FGD_FILE_LINES:-600}
status=0
while IFS= read -r -d '' file; do
    lines=$(wc -l <"$file")
    if [ "$lines" -gt "$limit" ]; then
        echo "$file: $lines lines (limit $limit): split it by family, one job a file" >&2
        status=1
    fi
done < <(find src -name '*.rs' -print0 | sort -z)
exit $status
