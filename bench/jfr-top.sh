#!/usr/bin/env bash
# Hot spots of a JFR recording: top frames of jdk.ExecutionSample, and samples per "first frame of
# ours or of a library" (com.newsroom, org.hibernate, org.postgresql, io.vertx, com.fasterxml ...).
# Usage: bench/jfr-top.sh target/bench-post.jfr [N]
set -eu   # no pipefail: head closes pipes early
f=${1:?jfr file}; n=${2:-25}
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
jfr print --events jdk.ExecutionSample --stack-depth 64 "$f" >"$tmp"
total=$(grep -c 'jdk.ExecutionSample' "$tmp" || true)
echo "samples: $total"
echo "--- top frames (self time)"
awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); print}' "$tmp" | sort | uniq -c | sort -rn | head -"$n"
echo "--- samples by package of the top frame"
awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); split($0, p, "."); print p[1] "." p[2] "." p[3]}' "$tmp" | sort | uniq -c | sort -rn | head -15
echo "--- inclusive: samples whose stack contains ..."
for pat in 'CommentService.submit' 'CommentService.approvedPage' 'CommentRepository.countApproved' 'CommentRepository.approvedPage' \
           'SubmissionThrottle.acquire' 'existsByDedupKey' 'ModerationService.moderate' 'CompiledRules.evaluate' \
           'ArticleRepository.findOrCreate' 'org.postgresql' 'com.fasterxml.jackson' 'org.hibernate' 'agroal' \
           'TransactionalInterceptor' 'java.text.Normalizer' 'io.vertx.core.http' 'io.netty'; do
  c=$(awk -v pat="$pat" 'BEGIN{RS="jdk.ExecutionSample"} $0 ~ pat {c++} END {print c+0}' "$tmp")
  printf '%6d  %5.1f %%  %s\n' "$c" "$(awk -v c="$c" -v t="$total" 'BEGIN{print t ? 100*c/t : 0}')" "$pat"
done
