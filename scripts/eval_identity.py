#!/usr/bin/env python3
"""Pairwise evaluation of cross-article actor identity against the dev gold.

    scripts/eval_identity.py PRED.jsonl [GOLD.json] [--gold-aliases] [-v]

PRED.jsonl holds depeche records (after `depeche identity`, or straight from `extract`: each
actor's `entity` field is used; records without it fall back to type + folded name).
GOLD.json defaults to ../shared/gold/dev.gold.json. -v lists, on stderr, the gold names split
over several entities and the entities that span several gold names.

Method:
1. In each article, each predicted actor is matched to one gold actor (required or optional):
   first by canonical name (folded: case, accents and punctuation ignored) against the gold
   name and aliases, else by a mention whose folded text equals the gold name or an alias.
   Unmatched predicted actors (not in the gold) are left out.
2. Every pair of matched actors from two *different* articles is a gold-positive pair when
   their gold names fold the same, and a predicted-positive pair when they share an entity id.
3. Recall = |gold-positive and predicted-positive| / |gold-positive|;
   precision = |gold-positive and predicted-positive| / |predicted-positive|.
Counting is done per (gold name, entity id) cell, so it never enumerates pairs.

The gold names one entity differently in different articles when an article gives only part
of the name (an acronym here, its expansion there) while its aliases say which names
are one entity. `--gold-aliases` also counts as one gold entity the names that some gold actor
lists as name and alias (union over every article's gold actors); the default is the strict
reading (identical gold names only).
"""
import collections
import json
import os
import sys
import unicodedata


def fold(s):
    """Lowercase, drop accents, every non-alphanumeric run becomes one space (as depeche)."""
    s = s.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    s = s.lower()
    out = "".join(c if c.isalnum() else " " for c in s)
    return " ".join(out.split())


def pairs(n):
    return n * (n - 1) // 2


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    if not args:
        sys.exit(__doc__)
    pred_path = args[0]
    here = os.path.dirname(os.path.abspath(__file__))
    gold_path = (
        args[1]
        if len(args) > 1
        else os.path.join(here, "..", "..", "shared", "gold", "dev.gold.json")
    )
    gold = {d["id"]: d for d in json.load(open(gold_path, encoding="utf-8"))["docs"]}
    parent = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    if "--gold-aliases" in sys.argv:
        for d in gold.values():
            for g in d["actors"]["required"] + d["actors"]["optional"]:
                root = find(fold(g["name"]))
                for f in g.get("aliases") or []:
                    r2 = find(fold(f))
                    if r2 != root:
                        parent[max(r2, root)] = min(r2, root)
                        root = min(r2, root)
    items = []  # (article, gold key, entity id)
    matched = unmatched = 0
    for line in open(pred_path, encoding="utf-8"):
        rec = json.loads(line)
        doc = gold.get(rec.get("id"))
        if doc is None or "actors" not in rec:
            continue
        gactors = doc["actors"]["required"] + doc["actors"]["optional"]
        forms = []  # (folded form, gold key)
        for g in gactors:
            key = find(fold(g["name"]))
            for f in [g["name"]] + (g.get("aliases") or []):
                forms.append((fold(f), key))
        by_form = {}
        for f, key in forms:
            by_form.setdefault(f, key)
        for a in rec["actors"]:
            ent = a.get("entity") or (a["type"] + ":" + fold(a["name"]))
            key = by_form.get(fold(a["name"]))
            if key is None:
                for m in a.get("mentions", []):
                    key = by_form.get(fold(m["text"]))
                    if key is not None:
                        break
            if key is None:
                unmatched += 1
                continue
            matched += 1
            items.append((rec["id"], key, ent))
    # Pair counts over items of different articles: total pairs in a group minus the pairs
    # inside one article.
    def cross(groups):
        total = 0
        for per_article in groups.values():
            n = sum(per_article.values())
            total += pairs(n) - sum(pairs(k) for k in per_article.values())
        return total

    by_gold = collections.defaultdict(collections.Counter)
    by_ent = collections.defaultdict(collections.Counter)
    by_both = collections.defaultdict(collections.Counter)
    for art, key, ent in items:
        by_gold[key][art] += 1
        by_ent[ent][art] += 1
        by_both[(key, ent)][art] += 1
    gold_pos, pred_pos, both = cross(by_gold), cross(by_ent), cross(by_both)
    recall = both / gold_pos if gold_pos else 1.0
    precision = both / pred_pos if pred_pos else 1.0
    print(
        json.dumps(
            {
                "matched_actors": matched,
                "unmatched_actors": unmatched,
                "gold_pairs": gold_pos,
                "predicted_pairs": pred_pos,
                "true_pairs": both,
                "pairwise_recall": round(recall, 4),
                "pairwise_precision": round(precision, 4),
            },
            indent=2,
        )
    )
    if "-v" in sys.argv:
        # Which gold names are split over several entities, and which entities span names.
        for key, c in sorted(by_gold.items()):
            ents = {e for (k, e) in by_both if k == key}
            if len(ents) > 1 and len(c) > 1:
                print("split", key, sorted(ents), file=sys.stderr)
        for ent, c in sorted(by_ent.items()):
            keys = {k for (k, e) in by_both if e == ent}
            if len(keys) > 1:
                print("merged", ent, sorted(keys), file=sys.stderr)


if __name__ == "__main__":
    main()
