"""The results table of docs/real-catalog.md from eval/real-catalog.sh's JSON reports.

usage: python3 table.py REPORTS_DIR NAME SPLIT     (for example: table.py docs/real-catalog old test)
Columns: out of the box (NAME.out-of-box.SPLIT.json) and after training (NAME.trained.SPLIT.json); rows: the modes.
"""
import json
import sys

folder, name, split = sys.argv[1:4]
reports = [json.load(open(f"{folder}/{name}.{part}.{split}.json", encoding="utf-8")) for part in ("out-of-box", "trained")]
print("| mode | out of the box: nDCG@10 | R@100 | hidden-trait R@100 | after training: nDCG@10 | R@100 | hidden-trait R@100 (found) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for mode in ("title", "image", "text", "hybrid"):
    cells = []
    for i, report in enumerate(reports):
        row = next(r for r in report["rows"] if r["mode"] == mode and r["lang"] == "all")
        found = f" ({row['hiddenTraitFound']}/{row['hiddenTraitProducts']})" if i == 1 else ""
        cells += [f"{row['ndcg']:.3f}", f"{row['recall']:.3f}", f"{row['hiddenTraitRecall']:.3f}{found}"]
    label = "title (BM25)" if mode == "title" else mode
    print(f"| {label} | " + " | ".join(cells) + " |")
