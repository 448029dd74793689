#!/bin/sh
# demo.sh: `make demo`. Codes the bundled example articles (examples/),
# prints a readable summary of the events found, stores them in
# build/demo.db and prints the command that opens the dashboard on them.
set -eu
BUILD=${BUILD:-build}
W="$BUILD/wasit"
files="examples/articles.jsonl $(ls examples/*.txt 2>/dev/null || true)"
tsv="$BUILD/demo.tsv"
# shellcheck disable=SC2086
"$W" code --quiet --format tsv $files > "$tsv"
echo "wasit demo: events coded from $(echo $files | wc -w) example files"
echo
# Join event codes with their English labels from dict/ar/cameo.txt.
awk -F'\t' '
  FNR == NR { if ($0 !~ /^#/ && NF) { split($0, f, "|"); c = f[1]; gsub(/ /, "", c);
              l = f[3]; sub(/^ +/, "", l); sub(/ +$/, "", l); label[c] = l } next }
  FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  {
    doc = $col["doc_id"]
    if (doc != last) { printf "%s\n", doc; last = doc }
    tgt = $col["target"] == "" ? "-" : $col["target"]
    cas = ""
    if ($col["killed"] != "") cas = cas "  killed " $col["killed"]
    if ($col["wounded"] != "") cas = cas "  wounded " $col["wounded"]
    mode = $col["mode"] == "" ? "" : "  [" $col["mode"] "]"
    printf "  %-10s %-10s -> %-10s %-4s %-38s %s%s%s\n", $col["date"], $col["source"], tgt,
           $col["code"], substr(label[$col["code"]], 1, 38), $col["trigger"], cas, mode
  }' FS='\n' dict/ar/cameo.txt FS='\t' "$tsv"
echo
n=$(($(wc -l < "$tsv") - 1))
echo "$n events in total."
rm -f "$BUILD/demo.db" "$BUILD/demo.db-wal" "$BUILD/demo.db-shm"
# shellcheck disable=SC2086
"$W" code --quiet --db "$BUILD/demo.db" $files
echo "Stored in $BUILD/demo.db. Explore them with:"
echo
echo "  $W serve --db $BUILD/demo.db     # then open http://127.0.0.1:8080/"
