# Breaks the held-out wording gap down by the kind of held-out word a query uses (English synonym or typo, Chinese
# synonym, homophone or traditional form), read from src/M6Search.Synth/Vocabulary/HeldOutWording.cs.
# Usage: python3 heldout_kinds.py HELDOUT_QUERIES.jsonl TRAINED_PER_QUERY.jsonl HELDOUT_PER_QUERY.jsonl
import collections, json, os, re, sys

heldout_queries, trained_per_query, heldout_per_query = sys.argv[1:4]
source = open(os.path.join(os.path.dirname(__file__), '../../src/M6Search.Synth/Vocabulary/HeldOutWording.cs'),
              encoding='utf-8').read()
kinds = ('en synonym', 'en typo', 'zh synonym', 'zh homophone', 'zh traditional')
kind_of = {}
for entry in re.finditer(r'En\((\[[^\]]*\]), (\[[^\]]*\])\), Zh\((\[[^\]]*\]), (\[[^\]]*\]), (\[[^\]]*\])\)', source):
    for kind, words in zip(kinds, entry.groups()):
        for word in json.loads(words):
            kind_of[word] = kind
text = {q['id']: q['text'] for q in map(json.loads, open(heldout_queries, encoding='utf-8'))}
trained = {(m['queryId'], m['mode']): m['ndcg'] for m in map(json.loads, open(trained_per_query, encoding='utf-8'))}
rows = collections.defaultdict(list)
for m in map(json.loads, open(heldout_per_query, encoding='utf-8')):
    used = sorted({kind for word, kind in kind_of.items() if word in text[m['queryId']]})
    rows[(m['mode'], ' + '.join(used) or 'none')].append((trained[(m['queryId'], m['mode'])], m['ndcg']))
print('| mode | held-out words used | queries | nDCG@10 trained | held-out | gap |')
print('| --- | --- | --- | --- | --- | --- |')
for (mode, used), pairs in sorted(rows.items()):
    a = sum(p[0] for p in pairs) / len(pairs)
    b = sum(p[1] for p in pairs) / len(pairs)
    print(f'| {mode} | {used} | {len(pairs)} | {a:.3f} | {b:.3f} | {a - b:.3f} |')
