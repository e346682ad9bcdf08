# Per-seed figures and their mean for each arm, from DIR/RUN.metrics.csv and DIR/RUN.eval.json, where seed 1 is RUN
# and seed k is RUN-sk. Usage: python3 seeds.py DIR ARM [ARM ...]
import csv, json, os, statistics, sys

folder, arms = sys.argv[1], sys.argv[2:]
print('| run | seed | median step time | contrastive loss, last 25 | image nDCG@10 | image hidden-trait R@100 | hybrid nDCG@10 '
      '| hybrid hidden-trait R@100 |')
print('| --- | --- | --- | --- | --- | --- | --- | --- |')
for arm in arms:
    figures = []
    for seed in range(1, 10):
        run = arm if seed == 1 else f'{arm}-s{seed}'
        if not os.path.exists(f'{folder}/{run}.eval.json'):
            continue
        rows = [r for r in csv.DictReader(open(f'{folder}/{run}.metrics.csv')) if r['skipped'] == '0']
        loss = statistics.mean(float(r['contrastive_loss']) for r in rows[-25:])
        ev = {r['mode']: r for r in json.load(open(f'{folder}/{run}.eval.json'))['rows'] if r['lang'] == 'all'}
        f = [loss, ev['image']['ndcg'], ev['image']['hiddenTraitRecall'], ev['hybrid']['ndcg'],
             ev['hybrid']['hiddenTraitRecall']]
        figures.append(f)
        ms = statistics.median(float(r['elapsed_ms']) for r in rows)
        print(f'| {arm} | {seed} | {ms:.0f} ms | ' + ' | '.join(f'{x:.3f}' for x in f) + ' |')
    if len(figures) > 1:
        cols = list(zip(*figures))
        print(f'| **{arm}** | mean (min-max) of {len(figures)} | | ' + ' | '.join(
            f'**{statistics.mean(c):.3f}** ({min(c):.3f}-{max(c):.3f})' for c in cols) + ' |')
