"""Query-time rewrite of unseen English words through WordNet (docs/synthetic-catalog.md, "Closing the gap").

usage: python3 wordnet_rewrite.py TRAINING_DIR QUERIES.jsonl > REWRITTEN.jsonl
A query word that no training text contains is replaced by the first WordNet lemma, in this order, that every
training text word list does contain: the lemmas of the word's own synsets (noun, then adjective; senses in WordNet's
order), then of their hypernyms and "similar to" adjectives. Only English queries are rewritten; WordNet is Princeton
WordNet 3.0 from Debian's wordnet-base (/usr/share/wordnet). The held-out list itself is never read.
"""
import json
import re
import sys

WN = "/usr/share/wordnet"
training_dir, queries_path = sys.argv[1], sys.argv[2]

vocab = set()
for name, field in (("pairs.jsonl", "text"), ("catalog.jsonl", "title")):
    for line in open(f"{training_dir}/{name}", encoding="utf-8"):
        vocab.update(re.findall(r"[a-z]+", json.loads(line)[field].lower()))


def load(pos):
    index = {}
    for line in open(f"{WN}/index.{pos}", encoding="utf-8"):
        if line.startswith(" "):
            continue
        parts = line.split()
        lemma, synset_count, pointer_count = parts[0], int(parts[2]), int(parts[3])
        index[lemma] = parts[4 + pointer_count + 2:][:synset_count]
    data = open(f"{WN}/data.{pos}", "rb").read()
    return index, data


def synset(data, offset):
    end = data.index(b"\n", int(offset))
    parts = data[int(offset):end].decode("utf-8").split(" | ")[0].split()
    word_count = int(parts[3], 16)
    lemmas = [parts[4 + 2 * i].lower() for i in range(word_count)]
    rest = parts[4 + 2 * word_count:]
    pointers = [(rest[1 + 4 * i], rest[2 + 4 * i]) for i in range(int(rest[0]))]
    return [re.sub(r"\(.*\)", "", l).replace("_", " ") for l in lemmas], pointers


tables = {pos: load(pos) for pos in ("noun", "adj")}


def candidates(word):
    own, related = [], []
    for pos, (index, data) in tables.items():
        for offset in index.get(word, []):
            lemmas, pointers = synset(data, offset)
            own += lemmas
            for symbol, target in pointers:
                if symbol in ("@", "&"):
                    related += synset(data, target)[0]
    return own + related


def known(phrase):
    return all(w in vocab for w in phrase.split())


def rewrite(text):
    out = []
    for word in text.split():
        if word.lower() in vocab or not word.isalpha():
            out.append(word)
            continue
        choice = next((c for c in candidates(word.lower()) if c != word.lower() and known(c)), None)
        out.append(choice or word)
    return " ".join(out)


changed = 0
for line in open(queries_path, encoding="utf-8"):
    q = json.loads(line)
    if q["lang"] == "en":
        new = rewrite(q["text"])
        if new != q["text"]:
            changed += 1
            print(f"{q['text']!r} -> {new!r}", file=sys.stderr)
            q["text"] = new
    print(json.dumps(q, ensure_ascii=False, separators=(",", ":")))
print(f"{changed} queries rewritten", file=sys.stderr)
