# Breaks `m6 eval --per-query` figures down by the kind of trait a query names (color, texture, material, shape),
# inferred from the synthetic catalog: a kind counts when every fully relevant (grade 2) product shares its value and
# under 90 % of the category does. Usage: python3 trait_kinds.py CATALOG.jsonl QUERIES.jsonl PER_QUERY.jsonl
import json, sys, collections, statistics
catalog, queries, perquery = sys.argv[1:4]
cat = {}
for l in open(catalog):
    p = json.loads(l); cat[p['id']] = p['attributes']
kinds_of = {}
for l in open(queries):
    q = json.loads(l)
    g2 = [cat[pid] for pid, g in q['relevance'].items() if g == 2]
    if not g2: continue
    category = g2[0]['category']
    same_cat = [a for a in cat.values() if a['category'] == category]
    kinds = []
    for k in ('shape', 'color', 'texture', 'material'):
        vals = {a.get(k) for a in g2}
        if len(vals) == 1:
            v = vals.pop()
            share = sum(1 for a in same_cat if a.get(k) == v) / len(same_cat)
            if share < 0.9: kinds.append(k)
    kinds_of[q['id']] = '+'.join(kinds) or 'category'
rows = collections.defaultdict(list)
for l in open(perquery):
    m = json.loads(l)
    if m['hiddenTraitRecall'] is None: continue
    rows[(m['mode'], kinds_of[m['queryId']])].append(m)
print('| mode | trait kind | queries | nDCG@10 | hidden-trait R@100 |')
print('| --- | --- | --- | --- | --- |')
for (mode, kind), ms in sorted(rows.items()):
    print(f"| {mode} | {kind} | {len(ms)} | {statistics.mean(m['ndcg'] for m in ms):.3f} | {statistics.mean(m['hiddenTraitRecall'] for m in ms):.3f} |")
