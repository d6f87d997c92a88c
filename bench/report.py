#!/usr/bin/env python3
"""Summarises bench/run's raw runs: prints the table and writes bench/results.md.

Usage: report.py RESULTS_DIR RESULTS_MD ELAPSED_SECONDS RUNS
"""
import csv
import datetime
import os
import statistics
import sys

LABELS = {
    "cqcguide-search": "CqcGuide (with search)",
    "cqcguide": "CqcGuide (--no-search)",
    "hugo": "Hugo",
    "eleventy": "Eleventy",
}


def main():
    results, md_path, elapsed, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    versions = {}
    with open(os.path.join(results, "versions.tsv"), encoding="utf-8") as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("\t")
            versions[k] = v
    with open(os.path.join(results, "raw.tsv"), encoding="utf-8") as f:
        raw = list(csv.DictReader(f, delimiter="\t"))

    sizes = list(dict.fromkeys(int(r["size"]) for r in raw))
    tools = list(dict.fromkeys(r["tool"] for r in raw))
    head = ["Tool", "Pages", "Wall time (s)", "Pages/s", "Peak memory (MB)", "Ratio to Hugo", "CPU time (s)",
            "Other load", "HTML files written"]
    rows = []
    for n in sizes:
        summary = {}
        for t in tools:
            timed = [r for r in raw if int(r["size"]) == n and r["tool"] == t and r["run"] != "0"]
            ok = [r for r in timed if r["rc"] == "0"]
            if not timed:
                continue
            if len(ok) < len(timed):
                summary[t] = None
                continue
            wall = statistics.median(float(r["wall_s"]) for r in ok)
            peak = statistics.median(int(r["peak_kb"]) for r in ok) / 1024
            cpu = statistics.median(float(r["cpu_s"]) for r in ok)
            other = statistics.median(int(r["other_pct"]) for r in ok)
            html = ok[-1]["html_files"]
            summary[t] = (wall, peak, cpu, other, html)
        hugo = summary.get("hugo")
        for t in tools:
            if t not in summary:
                continue
            s = summary[t]
            if s is None:
                rows.append([LABELS[t], f"{n:,}", "FAILED"] + ["–"] * (len(head) - 3))
                continue
            wall, peak, cpu, other, html = s
            ratio = f"{wall / hugo[0]:.2f}×" if hugo else "–"
            rows.append([LABELS[t], f"{n:,}", f"{wall:.2f}", f"{n / wall:,.0f}", f"{peak:,.0f}", ratio, f"{cpu:.1f}",
                         f"{other:.0f}%", html])

    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    line = lambda cells: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    text = [line(head), line(["-" * w for w in widths])] + [line(r) for r in rows]

    machine = f"{versions.get('cores')} cores ({versions.get('cpu')}), {versions.get('memory')}"
    tool_versions = [f"CqcGuide {versions.get('cqcguide')}", f".NET {versions.get('dotnet')}",
                     f"Pagefind {versions.get('pagefind')}", f"Hugo {versions.get('hugo')}",
                     f"Eleventy {versions.get('eleventy')}", f"Node {versions.get('node')}"]
    minutes = f"{elapsed // 60} min {elapsed % 60} s"

    print()
    print(f"Machine: {machine}")
    print("Versions: " + "; ".join(tool_versions))
    print(f"Median of {runs} timed runs after one warm-up run per tool; peak memory is GNU time's %M (largest process in the tree).")
    print()
    print("\n".join(text))
    print()
    loaded = [r for r in raw if r["run"] != "0" and int(r["other_pct"]) >= 10]
    if loaded:
        print(f"Warning: in {len(loaded)} timed run(s) other processes used 10% or more of the CPUs; wall times are inflated"
              " there (CPU time is less affected). Re-run on a quiet machine for clean figures.")
    failed = [r for r in raw if r["rc"] != "0"]
    if failed:
        print(f"{len(failed)} run(s) failed: see bench/work/results/logs/")
    print(f"bench/run took {minutes}. Table written to {os.path.relpath(md_path)}.")

    md = [
        "# Build benchmark results",
        "",
        f"Written by `bench/run` on {datetime.date.today().isoformat()} (took {minutes}). See `bench/README.md` for the method.",
        "",
        f"- Machine: {machine}",
        *[f"- {v}" for v in tool_versions],
        f"- Median of {runs} timed runs after one untimed warm-up run per tool and size; runs interleaved tool by tool.",
        "- Peak memory: GNU time `%M`, the largest single process in the tree (for CqcGuide with search, the larger of",
        "  the .NET process and Pagefind; for Eleventy, the Node process under `npx`).",
        "- CPU time: user + system seconds of the tool and its child processes (GNU time `%U` + `%S`).",
        "- Other load: the median share of the machine's CPU time used by other processes during the timed runs",
        "  (from /proc/stat). Above about 10%, wall times are inflated by contention.",
        "- Pages: guidance pages in the corpus. \"HTML files written\" counts every `.html` file each tool wrote",
        "  (home, section and taxonomy pages included), as a check that the outputs are comparable.",
        "",
        "| " + " | ".join(head) + " |",
        "| " + " | ".join(["---"] + ["---:"] * (len(head) - 1)) + " |",
        *["| " + " | ".join(str(c) for c in r) + " |" for r in rows],
        "",
        "## Raw runs",
        "",
        "| Pages | Tool | Run | Wall (s) | CPU (s) | Peak (MB) | Busy before | Other load during | Exit |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *[f"| {int(r['size']):,} | {LABELS[r['tool']]} | {'warm-up' if r['run'] == '0' else r['run']} | {r['wall_s']} | "
          f"{r['cpu_s']} | {int(r['peak_kb']) / 1024:,.0f} | {r['busy_pct']}% | {r['other_pct']}% | {r['rc']} |" for r in raw],
        "",
    ]
    with open(md_path, "w", encoding="utf-8") as f:
        f.write("\n".join(md))


if __name__ == "__main__":
    main()
