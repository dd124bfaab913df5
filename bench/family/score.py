"""Scores the extractor's JSON against the family documents' expected JSON, field by field.

    score.py --docs DIR --results DIR [--names FILE] [--json OUT.json] [--floor PCT] [--worst 15]

Every contract leaf of every form counts once: title, year, projectName, supervisingDepartment,
implementingUnit, funds.unit, goals expected/actual, total weight/score; per fund row its label, key and
six values; per indicator level1, level2, name, the five parts of target and actual, weight, score,
deviationReason; and each `extra` entry. Forms are aligned in order; fund rows and indicators by
sequence alignment of their labels / names (difflib), so a missing row costs its own fields and no
others. A row or form that is missing, or that the extractor adds, counts all its fields as wrong.
Markdown goes to stdout, the figures as JSON to --json; with --floor the exit code is 1 when the
share of fields right is under PCT.
"""
import argparse
import difflib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

FORM_FIELDS = [("title",), ("year",), ("projectName",), ("supervisingDepartment",), ("implementingUnit",),
               ("funds", "unit"), ("goals", "expected"), ("goals", "actual"), ("total", "weight"), ("total", "score")]
FUND_FIELDS = ["label", "key", "initialBudget", "annualBudget", "executed", "weight", "executionRatePercent", "score"]
MEASURE = ["raw", "operator", "value", "unit", "text"]
IND_FIELDS = ["level1", "level2", "name"] + [f"{m}.{p}" for m in ("target", "actual") for p in MEASURE] \
    + ["weight", "score", "deviationReason"]


def norm(v):
    return None if v == "" else v


def same(a, b):
    a, b = norm(a), norm(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-9
    return a == b


def get(obj, path):
    for k in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(k)
    return obj


def row_leaves(row, fields, kind):
    """{field: value} of one fund row or indicator, extra entries included."""
    row = row or {}
    out = {}
    for f in fields:
        if "." in f:
            m, p = f.split(".")
            out[f] = get(row, (m, p))
        else:
            out[f] = row.get(f)
    for k, v in (row.get("extra") or {}).items():
        out[f"extra[{k}]"] = v
    return out


def compare_rows(exp_rows, got_rows, fields, kind, path, out):
    key = "label" if kind == "funds/rows" else "name"
    a = [str(r.get(key)) for r in exp_rows]
    b = [str(r.get(key)) for r in got_rows]
    pairs = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        n = max(i2 - i1, j2 - j1) if op != "equal" else i2 - i1
        for k in range(n):
            i = i1 + k if i1 + k < i2 else None
            j = j1 + k if j1 + k < j2 else None
            pairs.append((i, j))
    for i, j in pairs:
        e = row_leaves(exp_rows[i] if i is not None else None, fields, kind)
        g = row_leaves(got_rows[j] if j is not None else None, fields, kind)
        where = f"{path}/{kind}/{i if i is not None else f'+{j}'}"
        for f in dict.fromkeys(list(e) + [k for k in g if k.startswith("extra[")]):
            if i is None or j is None:
                ok = False
            else:
                ok = same(e.get(f), g.get(f))
            out.append((f"{where}/{f}", f.split("[")[0] if f.startswith("extra") else f, e.get(f), g.get(f), ok))


def compare_form(exp, got, path, out):
    for p in FORM_FIELDS:
        out.append((f"{path}/{'/'.join(p)}", ".".join(p), get(exp, p), get(got, p), got is not None and exp is not None and same(get(exp, p), get(got, p))))
    compare_rows(get(exp, ("funds", "rows")) or [], get(got, ("funds", "rows")) or [], FUND_FIELDS, "funds/rows", path, out)
    compare_rows((exp or {}).get("indicators") or [], (got or {}).get("indicators") or [], IND_FIELDS, "indicators", path, out)


def compare(expected, got):
    """[(path, field, expected, got, ok)] for one document."""
    out = []
    e_forms, g_forms = expected.get("forms") or [], (got or {}).get("forms") or []
    for k in range(max(len(e_forms), len(g_forms))):
        e = e_forms[k] if k < len(e_forms) else None
        g = g_forms[k] if k < len(g_forms) else None
        compare_form(e, g, f"/forms/{k}" if e is not None else f"/forms/+{k}", out)
    return out


def batch_failures(log):
    """{document name: reason} from the lines `Failed PATH: reason after N ms` of a batch log."""
    out = {}
    if not log or not Path(log).exists():
        return out
    for line in Path(log).read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.search(r"Failed (\S+?)\.pdf: (.*?)( after \d+ ms)?$", line)
        if m:
            out[Path(m.group(1)).name] = m.group(2)
    return out


def pct(a, b):
    return round(100.0 * a / b, 2) if b else None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", required=True, help="folder of NAME.expected.json / NAME.meta.json")
    ap.add_argument("--results", required=True, help="folder of the extractor's NAME.json")
    ap.add_argument("--names", help="file with the document names to score, one a line (default: all)")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--floor", type=float, help="exit 1 when %% fields right is under this")
    ap.add_argument("--worst", type=int, default=15)
    ap.add_argument("--batch-log", help="the extractor batch log: why a document was not converted")
    args = ap.parse_args(argv)
    docs, results = Path(args.docs), Path(args.results)
    names = ([n.strip() for n in Path(args.names).read_text().split() if n.strip()] if args.names
             else sorted(p.name[:-len(".meta.json")] for p in docs.glob("*.meta.json")))
    failures = batch_failures(args.batch_log)
    # docs, docs right, fields, fields right, forms, forms right, fields of converted docs, right of those
    groups = defaultdict(lambda: [0] * 8)
    by_field = defaultdict(lambda: [0, 0, 0, 0])     # count, right, in converted docs: count, right
    per_doc, skipped = [], []
    for name in names:
        meta = json.loads((docs / f"{name}.meta.json").read_text(encoding="utf-8"))
        if not meta.get("ok"):
            skipped.append(name)
            continue
        expected = json.loads((docs / f"{name}.expected.json").read_text(encoding="utf-8"))
        out_path = results / f"{name}.json"
        got = json.loads(out_path.read_text(encoding="utf-8")) if out_path.exists() else None
        leaves = compare(expected, got)
        right = sum(1 for x in leaves if x[4])
        wrong = [x for x in leaves if not x[4]]
        nforms = len(expected["forms"])
        bad_forms = {p.split("/")[2] for p, _, _, _, ok in leaves if not ok}
        forms_right = sum(1 for k in range(nforms) if str(k) not in bad_forms)
        per_doc.append({"name": name, "split": meta["split"], "producer": meta["producer"], "tags": meta["tags"],
                        "forms": [f["id"] for f in meta["forms"]], "converted": got is not None,
                        "failure": None if got is not None else failures.get(name, "no output"),
                        "fields": len(leaves), "right": right,
                        "wrong": [{"path": p, "expected": e, "got": g} for p, _, e, g, _ in wrong[:8]]})
        keys = ["all", f"split:{meta['split']}", f"producer:{meta['producer']}"] + [f"tag:{t}" for t in meta["tags"]]
        for k in keys:
            g = groups[k]
            g[0] += 1
            g[1] += not wrong
            g[2] += len(leaves)
            g[3] += right
            g[4] += nforms
            g[5] += forms_right
            if got is not None:
                g[6] += len(leaves)
                g[7] += right
        for _, field, _, _, ok in leaves:
            f = by_field[field]
            f[0] += 1
            f[1] += ok
            if got is not None:
                f[2] += 1
                f[3] += ok
    table = {k: {"docs": v[0], "docsRight": pct(v[1], v[0]), "forms": v[4], "formsRight": pct(v[5], v[4]),
                 "fields": v[2], "fieldsRight": pct(v[3], v[2]), "fieldsRightConverted": pct(v[7], v[6])}
             for k, v in groups.items()}
    not_converted = defaultdict(int)
    for d in per_doc:
        if not d["converted"]:
            not_converted[d["failure"].split(":")[0]] += 1
    ranked = sorted(per_doc, key=lambda d: (d["right"] / d["fields"] if d["fields"] else 0, d["name"]))
    worst = ranked[:args.worst]
    worst_converted = [d for d in ranked if d["converted"]][:args.worst]
    report = {"documents": len(per_doc), "skipped": skipped, "groups": table, "notConverted": dict(not_converted),
              "fields": {k: {"count": v[0], "right": pct(v[1], v[0]), "rightConverted": pct(v[3], v[2])}
                         for k, v in sorted(by_field.items())},
              "worst": worst, "worstConverted": worst_converted, "perDocument": [{k: d[k] for k in ("name", "split", "producer", "fields", "right", "converted")}
                                              for d in per_doc]}
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print_markdown(report)
    if args.floor is not None:
        got = (table.get("all") or {}).get("fieldsRight") or 0
        if got < args.floor:
            print(f"\nFAIL: {got}% of fields right, under the floor {args.floor}%")
            return 1
    return 0


def print_markdown(report):
    t = report["groups"]
    a = t.get("all", {"docs": 0, "docsRight": None, "forms": 0, "formsRight": None, "fields": 0, "fieldsRight": None})
    print(f"# Family benchmark\n\n{a['docs']} documents, {a['forms']} forms, {a['fields']} fields: "
          f"**{a['docsRight']}%** of documents fully right, {a['formsRight']}% of forms fully right, "
          f"**{a['fieldsRight']}%** of fields right ({a.get('fieldsRightConverted')}% in the documents the "
          f"extractor converted).")
    if report["notConverted"]:
        print("\nNot converted (whole document lost), by the extractor's reason: "
              + ", ".join(f"{k} {v}" for k, v in sorted(report["notConverted"].items(), key=lambda kv: -kv[1])))
    if report["skipped"]:
        print(f"\nNot scored (the rendering failed its checks): {', '.join(report['skipped'])}")
    for title, prefix in (("Split", "split:"), ("Producer", "producer:"), ("Feature", "tag:")):
        rows = sorted((k[len(prefix):], v) for k, v in t.items() if k.startswith(prefix))
        print(f"\n## By {title.lower()}\n\n| {title.lower()} | docs | % docs right | forms | % forms right "
              f"| fields | % fields right | % fields right, converted docs |\n|---|---:|---:|---:|---:|---:|---:|---:|")
        for k, v in sorted(rows, key=lambda kv: (kv[1]["fieldsRight"] or 0, kv[0])):
            print(f"| {k} | {v['docs']} | {v['docsRight']} | {v['forms']} | {v['formsRight']} | {v['fields']} "
                  f"| {v['fieldsRight']} | {v['fieldsRightConverted']} |")
    print("\n## By field\n\n| field | count | % right | % right, converted docs |\n|---|---:|---:|---:|")
    for k, v in sorted(report["fields"].items(), key=lambda kv: (kv[1]["rightConverted"] or 0, kv[0])):
        print(f"| {k} | {v['count']} | {v['right']} | {v['rightConverted']} |")
    print_worst(f"The {len(report['worst'])} worst documents", report["worst"])
    print_worst(f"The {len(report['worstConverted'])} worst documents the extractor converted", report["worstConverted"])


def print_worst(title, docs):
    print(f"\n## {title}\n")
    for d in docs:
        print(f"- **{d['name']}** ({d['producer']}; {d['right']}/{d['fields']} fields; forms {', '.join(d['forms'])}"
              f"{'' if d['converted'] else '; NOT CONVERTED: ' + d['failure'][:120]})")
        for w in d["wrong"][:5]:
            print(f"  - `{w['path']}` expected {json.dumps(w['expected'], ensure_ascii=False)[:80]}, "
                  f"got {json.dumps(w['got'], ensure_ascii=False)[:80]}")


if __name__ == "__main__":
    sys.exit(main())
