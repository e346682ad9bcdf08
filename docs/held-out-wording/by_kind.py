"""nDCG@10 of trained, held-out and WordNet-rewritten held-out wording (docs/synthetic-catalog.md, "Held-out wording").

usage: python3 by_kind.py HeldOutWording.cs queries.all-wordings.jsonl all-wordings.per-query.jsonl
Reads the per-query file of one `m6 eval` run over combine.py's file (ids t..., h..., w...). Rows: mode x language
(all queries), then the held-out queries by the kind of held-out word they use: "misspelling" or "traditional" when
one of their words is of that kind (src/M6Search.Synth/Vocabulary/HeldOutWording.cs, read with a regular
expression), "synonym" otherwise.
"""
import json
import re
import sys
from collections import defaultdict

source, queries_path, per_query_path = sys.argv[1:4]
kinds = {}
for en, zh in re.findall(r"\(En\((.*?)\), Zh\((.*?)\)\)", open(source, encoding="utf-8").read()):
    for lang, text, names in (("en", en, ["synonym", "misspelling"]), ("zh", zh, ["synonym", "misspelling", "traditional"])):
        for name, group in zip(names, re.findall(r"\[(.*?)\]", text)):
            for word in re.findall(r'"(.*?)"', group):
                kinds[(lang, word.lower())] = name

query_kind = {}
for line in open(queries_path, encoding="utf-8"):
    q = json.loads(line)
    if q["id"].startswith("h"):
        found = {k for (lang, word), k in kinds.items() if lang == q["lang"] and word in q["text"].lower()}
        kind = "traditional" if "traditional" in found else "misspelling" if "misspelling" in found else "synonym"
        query_kind[q["id"][1:]] = (q["lang"], kind)

ndcg = {}
for line in open(per_query_path, encoding="utf-8"):
    r = json.loads(line)
    ndcg[(r["queryId"][0], r["queryId"][1:], r["mode"])] = r["ndcg"]

modes = ["title", "image", "text", "hybrid"]
sums = defaultdict(lambda: [0, 0.0, 0.0, 0.0])
for (wording, qid, mode), value in ndcg.items():
    if wording != "t":
        continue
    lang, kind = query_kind[qid]
    for key in ((mode, lang, "all"), (mode, "all", "all"), (mode, lang, kind)):
        s = sums[key]
        s[0] += 1
        s[1] += value
        s[2] += ndcg[("h", qid, mode)]
        s[3] += ndcg[("w", qid, mode)]

print("| mode | lang | queries | held-out words | trained wording | held-out wording | gap | held-out + WordNet rewrite |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
order = {"en": 0, "zh": 1, "all": 2, "synonym": 3, "misspelling": 4, "traditional": 5}
for mode in modes:
    for (m, lang, kind), (n, t, h, w) in sorted(sums.items(), key=lambda p: (order[p[0][2]] if p[0][2] != "all" else -1, order[p[0][1]])):
        if m == mode:
            print(f"| {mode} | {lang} | {n} | {kind} | {t / n:.3f} | {h / n:.3f} | {t / n - h / n:+.3f} | {w / n:.3f} |")
