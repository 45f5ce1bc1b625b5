#!/usr/bin/env bash
# Recall benchmark, side by side with obscenity and a WordPress-style check: bench/recall/run.sh
# (VERBOSE=1 also lists every miss and false positive). `run.sh words` rebuilds the engine's word list.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
(cd "$here" && npm install --silent --no-audit --no-fund --no-package-lock >/dev/null)
if [[ "${1:-}" == "words" ]]; then
  exec node "$here/build-word-list.mjs" "$root/src/main/resources/com/newsroom/comments/moderation/engine/words-en.txt.gz"
fi
"$root/mvnw" -B -q -f "$root/benchmarks/engine/pom.xml" package -DskipTests
jar="$root/benchmarks/engine/target/benchmarks.jar"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
java -cp "$jar" com.newsroom.comments.bench.RecallBench "$here/terms.txt" "$here/corpus.tsv" > "$out"
node "$here/compare.mjs" "$out"
echo
java -cp "$jar" com.newsroom.comments.bench.RecallBench scripts "$here/scripts.tsv"
