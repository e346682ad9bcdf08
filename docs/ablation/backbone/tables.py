# Markdown tables for docs/ablation.md, section "Pretrained backbone ablations (issue 15)", from `m6 train` metrics
# CSVs and `m6 eval --json` reports. Usage: python3 tables.py DIR RUN [RUN ...]
# (reads DIR/RUN.metrics.csv and, where it exists, DIR/RUN.eval.json)
import csv, json, os, statistics, sys

folder, runs = sys.argv[1], sys.argv[2:]
print('| run | steps | median step time | contrastive loss, mean of last 25 steps | in-batch accuracy, last 25 '
      '| loss at step 100 | loss at step 200 |')
print('| --- | --- | --- | --- | --- | --- | --- |')
for run in runs:
    rows = [r for r in csv.DictReader(open(f'{folder}/{run}.metrics.csv')) if r['skipped'] == '0']
    last = rows[-25:]
    def at(step, window=13):
        around = [float(r['contrastive_loss']) for r in rows if abs(int(r['step']) - step) < window]
        return f'{statistics.mean(around):.3f}' if around else '-'
    print(f"| {run} | {int(rows[-1]['step']) + 1} | {statistics.median(float(r['elapsed_ms']) for r in rows):.0f} ms "
          f"| {statistics.mean(float(r['contrastive_loss']) for r in last):.3f} "
          f"| {statistics.mean(float(r['accuracy']) for r in last):.3f} | {at(100)} | {at(200)} |")
print()

def fmt(x):
    return '-' if x is None else f'{x:.3f}'

print('| run | mode | lang | nDCG@10 | R@100 | MRR | hidden-trait R@100 |')
print('| --- | --- | --- | --- | --- | --- | --- |')
title_done = False
for run in runs:
    path = f'{folder}/{run}.eval.json'
    if not os.path.exists(path):
        continue
    for r in json.load(open(path))['rows']:
        if r['mode'] == 'title':
            if title_done:
                continue
            name = 'title BM25 (no model)'
        else:
            name = run
        print(f"| {name} | {r['mode']} | {r['lang']} | {fmt(r['ndcg'])} | {fmt(r['recall'])} | {fmt(r['mrr'])} "
              f"| {fmt(r['hiddenTraitRecall'])} |")
    title_done = title_done or any(r['mode'] == 'title' for r in json.load(open(path))['rows'])
