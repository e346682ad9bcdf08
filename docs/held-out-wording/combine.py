"""One query file with every wording, so one `m6 eval` run embeds the catalog once (docs/synthetic-catalog.md).

usage: python3 combine.py DIR > DIR/queries.all-wordings.jsonl
Ids get a prefix: t = queries.jsonl (trained wording), h = queries.heldout.jsonl (held-out wording),
w = queries.heldout.wordnet.jsonl (held-out wording rewritten by wordnet_rewrite.py). Per-query metrics do not depend
on the other queries in the file.
"""
import json
import sys

folder = sys.argv[1]
for prefix, name in (("t", "queries.jsonl"), ("h", "queries.heldout.jsonl"), ("w", "queries.heldout.wordnet.jsonl")):
    for line in open(f"{folder}/{name}", encoding="utf-8"):
        query = json.loads(line)
        query["id"] = prefix + query["id"]
        print(json.dumps(query, ensure_ascii=False, separators=(",", ":")))
