# The extractor's three measures, sourced by bench/ablation.sh and bench/prune.sh (from the
# project root, with `scratch` set to a scratch folder). Extra arguments (`--without PASS`
# ...) go to the extractor.
dossier=target/release/dossier
conll=../shared/corpus/ner/conll2003_dev.jsonl
wikinews=../shared/corpus/wikinews_2019_2021.jsonl
reuters=../shared/corpus/reuters21578.jsonl

# F1 over every kind on CoNLL-2003 dev: 2 * right / (gold + found) from `ner eval`'s "all" row.
conll_f1() {
  "$dossier" ner eval "$conll" "$@" | awk '$1 == "all" { printf "%.4f", 2 * $7 / ($5 + $6) }'
}

# F1 over every kind on the Wikinews gold tune half: 2 * right / (2 * right + wrong + missed)
# from bench/wikinews.mjs.
wikinews_f1() {
  "$dossier" ingest "$wikinews" -o "$scratch/wikinews.json" "$@" 2>/dev/null
  node bench/wikinews.mjs "$scratch/wikinews.json" tune |
    awk '$1 == "all" { gsub(/[(,]/, ""); printf "%.4f", 2 * $7 / (2 * $7 + $9 + $11) }'
}

# reuters NAME ARGS...: builds the Reuters bundle as $scratch/NAME.json.
reuters() {
  local name=$1
  shift
  "$dossier" ingest "$reuters" -o "$scratch/$name.json" --name Reuters-21578 "$@" 2>/dev/null
}

# lost NAME BASE: how many of BASE's top-50 Reuters names (by name and kind) NAME's lists lost.
lost() { node bench/reuters-top.mjs "$scratch/$1.json" --against "$scratch/$2.json" | head -1; }
