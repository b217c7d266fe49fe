#!/usr/bin/env bash
# Builds the libFuzzer target for the push decoder (see README.md) into .build/fuzz/.
# LiaisonMerge and LiaisonCodec are compiled here with -sanitize=fuzzer,address, outside
# `swift build`, so the package's own products and CI are untouched.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/.build/fuzz"
mkdir -p "$out"
# -D DEBUG keeps the merge core's invariant checks on: a broken invariant is a finding.
flags=(-swift-version 6 -O -D DEBUG -g -sanitize=fuzzer,address -parse-as-library)

library() {
  local name=$1
  shift
  swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
    -emit-library -static -o "$out/lib$name.a" -I "$out" "$@" "$root/Sources/$name"/*.swift
}

library LiaisonMerge
library LiaisonCodec
swiftc "${flags[@]}" -I "$out" -L "$out" -lLiaisonCodec -lLiaisonMerge \
  "$root/tools/fuzz/PushDecoderFuzzer.swift" -o "$out/push-decoder-fuzzer" 2> >(grep -v "ld.gold: warning: Cannot export local symbol" >&2)

# A seed corpus: the protocol's vectors hold valid changes; one push body per change list.
corpus="$out/corpus"
mkdir -p "$corpus"
python3 - "$root/protocol/vectors" "$corpus" <<'PY'
import json, os, sys
source, target = sys.argv[1], sys.argv[2]
def changes(node):
    if isinstance(node, dict):
        if {"dot", "report", "author"} <= node.keys():
            yield node
        for value in node.values():
            yield from changes(value)
    elif isinstance(node, list):
        for value in node:
            yield from changes(value)
for name in sorted(os.listdir(source)):
    if name.endswith(".json"):
        found = list(changes(json.load(open(os.path.join(source, name)))))
        if found:
            with open(os.path.join(target, name), "w") as out:
                json.dump({"changes": found}, out, ensure_ascii=False)
PY
echo "built $out/push-decoder-fuzzer; corpus in $corpus ($(ls "$corpus" | wc -l) files)"
