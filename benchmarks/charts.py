#!/usr/bin/env python3
"""Turns JMH JSON results into SVG charts: the library's throughput beside each baseline.

Usage: benchmarks/charts.py [--markdown] RESULT.json...
    (default: every benchmarks/results/*.json)

For each RESULT.json it writes RESULT.svg beside it: one panel per parameter combination and
question, a horizontal bar per benchmark method on a logarithmic scale of operations per second
(average times are turned into throughput), the project's code in blue and the baselines in grey,
with each iteration's value as a tick and the ratio to the first baseline. --markdown also prints
the figures as Markdown tables, for benchmarks/README.md. Python 3 standard library only.
"""

import json
import math
import pathlib
import sys
from xml.sax.saxutils import escape

# Per benchmark class: the unit of a chart's throughput and, per question, the project's methods
# and the baselines they are compared with (the first baseline gives the ratio).
CLASSES = {
    "JudgeBenchmark": {
        "title": "Judging one recommendation, one thread",
        "unit": "judgments/s",
        "questions": [
            ("judge", ["judge"], ["naiveJudge"]),
            ("isConsensual (the filter)", ["isConsensual"], ["naiveIsConsensual"]),
        ],
    },
    "PhoneNormalizationBenchmark": {
        "title": "Normalizing phone numbers to E.164, one thread",
        "unit": "numbers/s",
        "questions": [("normalize", ["fast"], ["reference"])],
    },
    "IntersectionBenchmark": {
        "title": "Intersecting a sorted run of 100 ids with one ratio times longer",
        "unit": "intersections/s",
        "questions": [
            ("intersect", ["intersect", "merge", "gallop"], ["hashSetRetainAll"]),
        ],
    },
    "IngestBenchmark": {
        "title": "Reading an export (contacts.csv rows)",
        "unit": "rows/s",
        "per_op": "rows",
        "questions": [
            (
                "read",
                ["datasetReaderNumbers", "datasetReaderTokens"],
                ["commonsCsvOnly"],
            ),
        ],
    },
    "GraphBuildBenchmark": {
        "title": "Building the contact graph",
        "unit": "entries/s",
        # The entries of BenchGraphs' world of each size (its main prints them).
        "per_op": "accounts",
        "per_op_values": {"10000": 1_458_134},
        "questions": [
            ("build", ["contactGraph"], ["jgraphtSparse", "jgraphtDefaultDirected"]),
        ],
    },
    "QueryBenchmark": {
        "title": "Graph queries",
        "unit": "queries/s",
        "questions": [
            (
                "holds(a, x)",
                ["holdsContactGraph"],
                ["holdsHashMap", "holdsJGraphT", "holdsJGraphTSparse"],
            ),
            (
                "holders(x), every holder visited",
                ["holdersContactGraph"],
                ["holdersHashMap", "holdersJGraphT", "holdersJGraphTSparse"],
            ),
        ],
    },
    "SimulatorBenchmark": {
        "title": "What-if strategies: the top 10 suggestions of one viewer (no baseline)",
        "unit": "viewers/s",
        "questions": [("suggest", ["suggest"], [])],
    },
}

# Seconds per unit of JMH's time units.
SECONDS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0}

LIBRARY_COLOUR = "#1f5f99"
BASELINE_COLOUR = "#9a9a9a"
TEXT_COLOUR = "#222222"


def per_second(value, unit):
    """A JMH score in `unit` (ops/s, ops/ms, ns/op, ms/op, ...) as operations per second."""
    left, right = unit.split("/")
    if left == "ops":
        return value / SECONDS[right]
    return 1.0 / (value * SECONDS[left])


def iterations(metric):
    return [v for fork in metric.get("rawData", []) for v in fork]


def load(path):
    """The results of one JMH JSON file, grouped: {(params, question): {method: result}}."""
    runs = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    if not runs:
        raise SystemExit(f"{path}: no results")
    cls = runs[0]["benchmark"].split(".")[-2]
    config = CLASSES.get(cls)
    if config is None:
        raise SystemExit(f"{path}: no chart settings for {cls}")
    groups = {}
    for run in runs:
        method = run["benchmark"].split(".")[-1]
        params = run.get("params", {})
        metric = run["primaryMetric"]
        scale = 1.0
        if "per_op" in config:
            value = params[config["per_op"]]
            values = config.get("per_op_values")
            if values is not None and value not in values:
                raise SystemExit(f"{path}: {cls}: no per_op_values for {config['per_op']}={value}")
            scale = float(values[value] if values is not None else value)
        unit = metric["scoreUnit"]
        result = {
            "score": per_second(metric["score"], unit) * scale,
            "iterations": [per_second(v, unit) * scale for v in iterations(metric)],
        }
        for question, library, baselines in config["questions"]:
            if method in library or method in baselines:
                key = (tuple(sorted(params.items())), question)
                groups.setdefault(key, {})[method] = result
    constant = {}
    for run in runs:
        for k, v in run.get("params", {}).items():
            constant.setdefault(k, set()).add(v)
    fixed = {k: next(iter(vs)) for k, vs in constant.items() if len(vs) == 1}
    return cls, dict(config, fixed=fixed), runs[0], groups


def panel_label(params, question, config):
    shown = [f"{k}={v}" for k, v in params if k not in config["fixed"]]
    if len(config["questions"]) > 1:
        shown.insert(0, question)
    return ", ".join(shown) if shown else question


def human(value):
    for limit, suffix in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if value >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.3g}"


def ordered_methods(group, question, config):
    for q, library, baselines in config["questions"]:
        if q == question:
            return [m for m in library if m in group], [m for m in baselines if m in group]
    return [], []


def svg(cls, config, first, groups):
    width, label_w, right_w = 820, 250, 150
    plot_w = width - label_w - right_w
    bar_h, gap, panel_gap, top = 16, 4, 14, 76
    values = [r["score"] for g in groups.values() for r in g.values()]
    values += [v for g in groups.values() for r in g.values() for v in r["iterations"]]
    low = 10 ** math.floor(math.log10(min(values)))
    high = 10 ** math.ceil(math.log10(max(values)))
    if high / low < 100:
        high = low * 100

    def x(v):
        return label_w + plot_w * (math.log10(v) - math.log10(low)) / (
            math.log10(high) - math.log10(low)
        )

    rows = []
    y = top
    ordered = sorted(groups.items(), key=lambda kv: sort_key(kv[0], config))
    if not any(baselines for _, _, baselines in config["questions"]):
        # Nothing to compare with: one panel, a bar per parameter combination.
        for (params, question), group in ordered:
            label = panel_label(params, question, config)
            for m in ordered_methods(group, question, config)[0]:
                rows.append(("bar", y, label, group[m], True, None))
                y += bar_h + gap
        y += panel_gap
    else:
        for (params, question), group in ordered:
            library, baselines = ordered_methods(group, question, config)
            rows.append(("panel", y, panel_label(params, question, config)))
            y += 18
            reference = group[baselines[0]]["score"] if baselines else None
            for m in library + baselines:
                rows.append(("bar", y, m, group[m], m in library, reference))
                y += bar_h + gap
            y += panel_gap
    height = y + 30

    jvm = f"{first.get('jvm', '')} {first.get('vmVersion', '')}".strip()
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="t d" '
        'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" '
        f'font-size="12" fill="{TEXT_COLOUR}">',
        f'<title id="t">{escape(cls)}: {escape(config["title"])}</title>',
        f'<desc id="d">{escape(config["unit"])} on a logarithmic scale; the project\'s code in '
        "blue, baselines in grey; ticks: iterations. JMH "
        f'{escape(first.get("jmhVersion", ""))}, {escape(jvm)}.</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="12" y="22" font-size="15" font-weight="bold">{escape(cls)}: '
        f'{escape(config["title"])}</text>',
        f'<text x="12" y="42">{escape(config["unit"])}, logarithmic scale (higher is better); '
        f'<tspan fill="{LIBRARY_COLOUR}" font-weight="bold">contact-audit</tspan> and '
        f'<tspan fill="#707070" font-weight="bold">baselines</tspan>; ticks: iterations; '
        "(Nx): ratio to the first baseline</text>",
    ]
    if config["fixed"]:
        fixed = ", ".join(f"{k}={v}" for k, v in sorted(config["fixed"].items()))
        out.append(f'<text x="12" y="58" fill="#555555">{escape(fixed)}</text>')
    decade = low
    while decade <= high * 1.0001:
        gx = x(decade)
        out.append(
            f'<line x1="{gx:.1f}" y1="{top - 6}" x2="{gx:.1f}" y2="{y - panel_gap}" '
            'stroke="#e2e2e2"/>'
        )
        out.append(
            f'<text x="{gx:.1f}" y="{y - panel_gap + 14}" text-anchor="middle" '
            f'fill="#555555">{human(decade)}</text>'
        )
        decade *= 10
    for row in rows:
        if row[0] == "panel":
            _, py, label = row
            out.append(f'<text x="12" y="{py + 12}" font-weight="bold">{escape(label)}</text>')
            continue
        _, by, method, result, is_library, reference = row
        colour = LIBRARY_COLOUR if is_library else BASELINE_COLOUR
        bx = x(result["score"])
        out.append(
            f'<text x="{label_w - 8}" y="{by + 12}" text-anchor="end">{escape(method)}</text>'
        )
        out.append(
            f'<rect x="{label_w}" y="{by}" width="{max(bx - label_w, 1):.1f}" height="{bar_h}" '
            f'fill="{colour}"><title>{escape(method)}: {result["score"]:,.0f} '
            f'{escape(config["unit"])}</title></rect>'
        )
        for v in result["iterations"]:
            tx = x(v)
            out.append(
                f'<line x1="{tx:.1f}" y1="{by + 3}" x2="{tx:.1f}" y2="{by + bar_h - 3}" '
                'stroke="#000000" stroke-opacity="0.55"/>'
            )
        text = human(result["score"])
        if is_library and reference:
            text += f"  ({result['score'] / reference:.3g}x)"
        out.append(f'<text x="{label_w + plot_w + 8}" y="{by + 12}">{escape(text)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def sort_key(key, config):
    params, question = key
    questions = [q for q, _, _ in config["questions"]]

    def value(v):
        try:
            return (0, float(v), "")
        except ValueError:
            return (1, 0.0, v)

    return (questions.index(question), [(k, value(v)) for k, v in params])


def figure(value):
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def markdown(cls, config, groups):
    if not any(baselines for _, _, baselines in config["questions"]):
        lines = [f"| {cls} | {config['unit']} |", "|---|---|"]
        for (params, question), group in sorted(
            groups.items(), key=lambda kv: sort_key(kv[0], config)
        ):
            for m in ordered_methods(group, question, config)[0]:
                label = panel_label(params, question, config)
                lines.append(f"| {label} | {figure(group[m]['score'])} |")
        return "\n".join(lines) + "\n"
    lines = [
        f"| {cls} | contact-audit ({config['unit']}) | baselines ({config['unit']}) | ratio |",
        "|---|---|---|---|",
    ]
    for (params, question), group in sorted(
        groups.items(), key=lambda kv: sort_key(kv[0], config)
    ):
        library, baselines = ordered_methods(group, question, config)
        label = panel_label(params, question, config)
        for m in library:
            score = group[m]["score"]
            others = "; ".join(f"`{b}` {figure(group[b]['score'])}" for b in baselines)
            ratios = " / ".join(f"{score / group[b]['score']:.3g}x" for b in baselines)
            lines.append(f"| {label} | `{m}` {figure(score)} | {others} | {ratios} |")
    return "\n".join(lines) + "\n"


def main(argv):
    print_markdown = "--markdown" in argv
    paths = [a for a in argv if a != "--markdown"]
    if not paths:
        here = pathlib.Path(__file__).resolve().parent
        paths = sorted(str(p) for p in (here / "results").glob("*.json"))
    for path in paths:
        cls, config, first, groups = load(path)
        target = pathlib.Path(path).with_suffix(".svg")
        target.write_text(svg(cls, config, first, groups), encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
        if print_markdown:
            print(markdown(cls, config, groups))


if __name__ == "__main__":
    main(sys.argv[1:])
