"""Expected nDCG@10 and recall@100 of a random ranking for a labeled query file (docs/real-catalog.md).

usage: python3 chance.py CATALOG.jsonl QUERIES.jsonl
Gain 2^grade - 1 and log2(rank + 1) discount, as src/M6Search.Evaluation/Metrics/RankingMetrics.cs.
"""
import json
import math
import sys

catalog, queries = sys.argv[1], sys.argv[2]
n = sum(1 for line in open(catalog, encoding="utf-8") if line.strip())
ndcg, recall, count = 0.0, 0.0, 0
for line in open(queries, encoding="utf-8"):
    q = json.loads(line)
    grades = [g for g in q["relevance"].values() if g > 0]
    mean_gain = sum(2 ** g - 1 for g in grades) / n
    expected_dcg = sum(mean_gain / math.log2(r + 2) for r in range(10))
    ideal = sum((2 ** g - 1) / math.log2(r + 2) for r, g in enumerate(sorted(grades, reverse=True)[:10]))
    ndcg += expected_dcg / ideal
    recall += min(100, n) / n
    count += 1
print(f"{count} queries over {n} products: random ranking nDCG@10 {ndcg / count:.3f}, R@100 {recall / count:.3f}")
