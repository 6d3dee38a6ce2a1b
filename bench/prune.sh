#!/usr/bin/env bash
# Decides which passes of the entity extractor go: takes the passes below the bar out one at a
# time, measuring again after each, and writes what it did to bench/ablation-deleted.tsv
# (bench/ablation.sh prints that file into docs/ablation.md). Needs ../shared/corpus and a
# release build that still has every candidate pass:
#   flock /tmp/dossier-build.lock cargo build --release -p dossier-cli && bench/prune.sh
#
# The rule, fixed before the run:
# - Candidates are the optional passes whose removal alone costs less than 0.002 F1 on both
#   the CoNLL-2003 dev split and the Wikinews gold tune half (the "alone" columns).
# - They are tried in the order of what their removal alone gains (CoNLL + Wikinews, most
#   first; ties in pipeline order), each with the passes already deleted switched off.
# - A candidate is deleted when, against the extractor without the passes deleted so far,
#   it costs less than 0.002 F1 on each set, AND it takes no name out of Reuters-21578's top
#   50 people, organizations and places (by name and kind). Neither gold set holds wire
#   copy's company names ("Standard and Poor's Corp", "Kidder Peabody and Co"), so the third
#   measure is what a reader of the archive the product is measured on would see first.
#   (A first run allowed 1 name a step and 5 in all: "European Community", 332 articles,
#   became "U.S. And the European Community" and "N.Z. Dlrs" a person, one name each.)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/ablation-deleted.tsv
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# shellcheck source=bench/extractor-measures.sh
source bench/extractor-measures.sh
delta() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.4f", a - b }'; }

describe=$("$dossier" ner eval --passes)
conll_all=$(conll_f1)
news_all=$(wikinews_f1)
reuters today

# The candidates, with what their removal alone does.
: >"$scratch/candidates"
while read -r number _ pass rest; do
  [[ $rest == *"(always)" ]] && continue
  c=$(delta "$(conll_f1 --without "$pass")" "$conll_all")
  w=$(delta "$(wikinews_f1 --without "$pass")" "$news_all")
  if awk -v c="$c" -v w="$w" 'BEGIN { exit !(c > -0.002 && w > -0.002) }'; then
    printf '%s\t%s\t%s\t%s\t%s\n' "$(awk -v c="$c" -v w="$w" 'BEGIN { printf "%.4f", c + w }')" \
      "$number" "$pass" "$c" "$w" >>"$scratch/candidates"
  fi
done <<<"$describe"

off=()
conll_now=$conll_all
news_now=$news_all
cp "$scratch/today.json" "$scratch/now.json"
order=0
{
  echo "# The passes below the bar, tried one at a time in the order of what their removal alone gains, by bench/prune.sh (its header has the rule); bench/ablation.sh prints this file into docs/ablation.md."
  printf '# order\tpass\tΔF1 CoNLL dev alone\tΔF1 Wikinews tune alone\tΔF1 CoNLL dev when tried\tΔF1 Wikinews tune when tried\tReuters top-150 names lost when tried\tReuters top-150 names lost since today\tdecision\twhat it did\n'
} >"$out"
sort -t$'\t' -k1,1gr -k2,2n "$scratch/candidates" | while IFS=$'\t' read -r _ _ pass c w; do
  order=$((order + 1))
  trial=("${off[@]}" --without "$pass")
  cc=$(conll_f1 "${trial[@]}")
  ww=$(wikinews_f1 "${trial[@]}")
  reuters trial "${trial[@]}"
  step=$(lost trial now)
  since=$(lost trial today)
  dc=$(delta "$cc" "$conll_now")
  dw=$(delta "$ww" "$news_now")
  if awk -v c="$dc" -v w="$dw" -v s="$step" -v t="$since" \
    'BEGIN { exit !(c > -0.002 && w > -0.002 && s == 0 && t == 0) }'; then
    decision=deleted
    off=("${trial[@]}")
    conll_now=$cc
    news_now=$ww
    mv "$scratch/trial.json" "$scratch/now.json"
  else
    decision=kept
    node bench/reuters-top.mjs "$scratch/trial.json" --against "$scratch/now.json" | sed 1d | head -6 |
      sed "s/^/  $pass: /" >&2
  fi
  what=$(awk -v p="$pass" '$3 == p { sub(/^ *[0-9]+ +[a-z]+ +[^ ]+ +/, ""); print }' <<<"$describe")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$order" "$pass" "$c" "$w" "$dc" "$dw" "$step" "$since" \
    "$decision" "$what" >>"$out"
  echo "$order $pass: CoNLL $dc, Wikinews $dw, Reuters lost $step (since today $since): $decision" >&2
done
echo "wrote $out" >&2
