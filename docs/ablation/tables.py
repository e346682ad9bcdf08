# Markdown tables for docs/ablation.md from `m6 train` metrics CSVs and `m6 eval --json` reports.
# Usage: python3 tables.py DIR RUN [RUN ...]   (reads DIR/RUN.metrics.csv and DIR/RUN.eval.json)
import csv, json, statistics, sys

folder, runs = sys.argv[1], sys.argv[2:]
print('| run | contrastive loss, mean of last 50 steps | in-batch accuracy, last 50 | loss at step 250 | loss at step 500 '
      '| loss at step 1000 | tokens dropped, last 50 | median step time |')
print('| --- | --- | --- | --- | --- | --- | --- | --- |')
for run in runs:
    rows = [r for r in csv.DictReader(open(f'{folder}/{run}.metrics.csv')) if r['skipped'] == '0']
    last = rows[-50:]
    def at(step, window=25):
        around = [float(r['contrastive_loss']) for r in rows if abs(int(r['step']) - step) < window]
        return f'{statistics.mean(around):.3f}' if around else '-'
    drop = statistics.mean((float(r['image_drop_rate']) + float(r['text_drop_rate'])) / 2 for r in last)
    print(f"| {run} | {statistics.mean(float(r['contrastive_loss']) for r in last):.3f} "
          f"| {statistics.mean(float(r['accuracy']) for r in last):.3f} | {at(250)} | {at(500)} | {at(1000)} "
          f"| {drop:.1%} | {statistics.median(float(r['elapsed_ms']) for r in rows):.0f} ms |")
print()
print('| run | mode | lang | nDCG@10 | P@10 | R@100 | MRR | hidden-trait R@100 |')
print('| --- | --- | --- | --- | --- | --- | --- | --- |')
for run in runs:
    report = json.load(open(f'{folder}/{run}.eval.json'))
    for r in report['rows']:
        if r['mode'] == 'title' and run != runs[0]:
            continue
        ht = '-' if r['hiddenTraitRecall'] is None else f"{r['hiddenTraitRecall']:.3f}"
        print(f"| {run} | {r['mode']} | {r['lang']} | {r['ndcg']:.3f} | {r['precision']:.3f} | {r['recall']:.3f} "
              f"| {r['mrr']:.3f} | {ht} |")
