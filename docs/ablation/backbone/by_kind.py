# Per trait kind (color, material, ...) mean nDCG@10 and hidden-trait R@100 of queries naming a trait of that kind,
# from `m6 eval --per-query` files. Usage: python3 by_kind.py TRAITS.json QUERIES.jsonl MODE RUN=FILE [RUN=FILE ...]
import collections, json, statistics, sys

traits, queries, mode, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
kind_of = {}
for t in json.load(open(traits))['traits']:
    for word in [t['key']] + t.get('en', []) + t.get('zh', []):
        kind_of[word] = t['kind']
kinds_of_query = {}
for line in open(queries):
    q = json.loads(line)
    kinds_of_query[q['id']] = sorted({kind_of[w] for w in q['traits'] if w in kind_of})
all_kinds = sorted({k for ks in kinds_of_query.values() for k in ks})
print(f'{mode} mode, queries naming a trait of each kind (a query may count under two kinds):')
print()
print('| run | ' + ' | '.join(f'{k}: nDCG@10 / HT R@100' for k in all_kinds) + ' |')
print('| --- |' + ' --- |' * len(all_kinds))
counts = collections.Counter(k for ks in kinds_of_query.values() for k in ks)
for spec in runs:
    name, path = spec.split('=', 1)
    rows = [r for r in map(json.loads, open(path)) if r['mode'] == mode]
    cells = []
    for k in all_kinds:
        sel = [r for r in rows if k in kinds_of_query[r['queryId']]]
        ht = [r['hiddenTraitRecall'] for r in sel if r.get('hiddenTraitRecall') is not None]
        cells.append(f"{statistics.mean(r['ndcg'] for r in sel):.3f} / {statistics.mean(ht):.3f}" if ht else '-')
    print(f'| {name} | ' + ' | '.join(cells) + ' |')
print()
print('queries per kind: ' + ', '.join(f'{k} {counts[k]}' for k in all_kinds))
