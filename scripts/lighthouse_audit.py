"""Lighthouse audit of the built site in Debian's Chromium: part of `make bench`, not a test.

Serves site/ with its _headers (as a host that sends them would), audits the home, lesson,
drill, lab and notebook pages as a phone and as a desktop, and prints each category's score
against its target with the audits that cost points; then audits accessibility once more in the
dark palette (Chromium told the reader prefers dark, so Material picks its slate scheme).
Lighthouse comes from npm (package.json); its mobile run simulates a slow 4G network and a 4x
slower CPU.

As a phone, each page is also measured against plain Material: the same pages built in the
same run from a temporary mkdocs.yml that inherits ours but has none of our assets (no
extra_css or extra_javascript) and none of our hooks but the one that corrects Material's own
markup (material_markup.py: accessible names, and Material's script deferred, which moves its
~0.5 s of work after the first paint and so into total blocking time); the template override
that sets <html>'s classes before the first paint stays too. Both are how this site serves
Material itself. Audited alternately with ours, the gap between the two is what our assets
and content hooks cost: performance score, total blocking time, and the number of elements
(Lighthouse's dom-size, counted once our scripts ran).

    .venv/bin/python scripts/lighthouse_audit.py [--site site] [--runs 3]

A phone's performance score moves by a few points between runs of the same build (the simulated
4x CPU scales this machine's real task times, which vary), so each page and form is audited
three times by default and the median shown, as Lighthouse's docs advise, with every
performance score of the runs beside it.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_ARGS
from serve_site import make_server

LIGHTHOUSE = Path("node_modules/.bin/lighthouse")
PAGES = {
    "home": "",
    "lesson": "lessons/mlops-vs-devops/",
    "drill": "drill/",
    "lab": "labs/model-degradation/",
    "notebook": "labs/testing-ml-systems/",
}
# The goal, as a phone: these pages within 3 points of plain Material, with total
# blocking time within 150 ms of it.
GAP_GOAL_PAGES = ("lesson", "drill", "lab")
SCORE_GAP_GOAL = 3
BLOCKING_GAP_GOAL_MS = 150
# Plain Material, as this site serves it (see above): our mkdocs.yml without our assets and
# content hooks. Watched folders and the contributing page (whose include examples only our
# hooks escape) would not build from a temporary folder.
PLAIN_MATERIAL_CONFIG = """INHERIT: {project}/mkdocs.yml
docs_dir: {project}/docs
site_dir: {site}
theme:
  custom_dir: {project}/overrides
extra_css: []
extra_javascript: []
hooks: [{project}/overrides/hooks/material_markup.py]
watch: []
exclude_docs: |
  _includes/
  contributing.md
"""
FORM_FACTORS = ["mobile", "desktop"]
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


DARK_PALETTE = ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]


def lighthouse(url, form_factor, output, categories=tuple(TARGETS), dark=False):
    flags = ["--headless=new", *CHROMIUM_ARGS, *(DARK_PALETTE if dark else [])]
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(categories)}",
        f"--chrome-flags={' '.join(flags)}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin"}
    # Lighthouse now and then fails to start Chromium or to record a trace (NO_NAVSTART): retry.
    for _attempt in range(3):
        run = subprocess.run(command, env=env, capture_output=True, text=True)
        report = json.loads(Path(output).read_text()) if run.returncode == 0 else {}
        if report and not report.get("runtimeError"):
            return report
    reason = report.get("runtimeError", {}).get("message") or run.stderr[-2000:]
    raise RuntimeError(f"Lighthouse failed on {url} ({form_factor}): {reason}")


def scores(report):
    return {name: category["score"] for name, category in report["categories"].items()}


def lost_points(report, category):
    """The audits of a category that scored below 1, with what Lighthouse says about them."""
    audit_ids = [ref["id"] for ref in report["categories"][category]["auditRefs"] if ref["weight"]]
    for audit_id in audit_ids:
        audit = report["audits"][audit_id]
        if audit["score"] is not None and audit["score"] < 1:
            yield f"{audit_id} ({audit.get('displayValue') or audit['score']})"


def audit(base_url, runs, plain_url):
    """{(page, form factor): (median scores, last report, every run's performance score)} and,
    as a phone, {page: (our reports, plain Material's reports)}, audited alternately."""
    results, phone = {}, {}
    with tempfile.TemporaryDirectory() as scratch:
        for page, path in PAGES.items():
            for form_factor in FORM_FACTORS:
                reports, plain = [], []
                for _ in range(runs):
                    output = f"{scratch}/{page}-{form_factor}.json"
                    reports.append(lighthouse(base_url + path, form_factor, output))
                    if form_factor == "mobile":
                        plain_output = f"{scratch}/{page}-plain.json"
                        plain.append(lighthouse(plain_url + path, form_factor, plain_output))
                medians = {
                    name: statistics.median(scores(report)[name] for report in reports)
                    for name in TARGETS
                }
                performance = [scores(report)["performance"] for report in reports]
                results[page, form_factor] = (medians, reports[-1], performance)
                if plain:
                    phone[page] = (reports, plain)
    return results, phone


def median_of(reports, figure):
    return statistics.median(figure(report) for report in reports)


def performance_score(report):
    return round(report["categories"]["performance"]["score"] * 100)


def blocking_ms(report):
    return report["audits"]["total-blocking-time"]["numericValue"]


def elements(report):
    return report["audits"]["dom-size"]["numericValue"]


def print_gaps_to_plain_material(phone):
    """As a phone, each page against the same page built as plain Material (Markdown table)."""
    print("\nAs a phone, against plain Material (same pages, none of our assets); medians:\n")
    print("| Page | Performance (plain) | Gap | Total blocking time (plain) | Gap | Elements"
          " (plain) | Goal: gap ≤ 3 points and ≤ 150 ms |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for page, (ours, plain) in phone.items():
        print("| " + " | ".join(gap_cells(page, ours, plain)) + " |")


def gap_cells(page, ours, plain):
    score, plain_score = median_of(ours, performance_score), median_of(plain, performance_score)
    blocking, plain_blocking = median_of(ours, blocking_ms), median_of(plain, blocking_ms)
    score_gap, blocking_gap = score - plain_score, blocking - plain_blocking
    met = -score_gap <= SCORE_GAP_GOAL and blocking_gap <= BLOCKING_GAP_GOAL_MS
    runs = " ".join(str(performance_score(report)) for report in ours)
    return [
        page,
        f"{score:.0f} ({plain_score:.0f}); runs {runs}",
        f"{score_gap:+.0f}",
        f"{blocking:.0f} ms ({plain_blocking:.0f} ms)",
        f"{blocking_gap:+.0f} ms",
        f"{median_of(ours, elements):.0f} ({median_of(plain, elements):.0f})",
        ("met" if met else "**missed**") if page in GAP_GOAL_PAGES else "",
    ]


def build_plain_material(scratch):
    """The same pages as plain Material, built into `scratch`/site; returns that folder."""
    config = Path(scratch) / "mkdocs.yml"
    text = PLAIN_MATERIAL_CONFIG.format(project=Path.cwd(), site=Path(scratch) / "site")
    config.write_text(text, encoding="utf-8")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([str(mkdocs), "build", "--quiet", "-f", str(config)],
                           capture_output=True, text=True, env=environment)  # fmt: skip
    if build.returncode:
        raise RuntimeError(f"plain Material did not build:\n{build.stderr}")
    return Path(scratch) / "site"


def audit_dark_palette(base_url):
    """{page: (accessibility score, report)} with the dark palette, as a desktop."""
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for page, path in PAGES.items():
            output = f"{scratch}/{page}-dark.json"
            report = lighthouse(base_url + path, "desktop", output, ["accessibility"], dark=True)
            results[page] = (report["categories"]["accessibility"]["score"], report)
    return results


def print_dark_results(results):
    print("\naccessibility, dark palette (desktop):")
    for page, (score, report) in results.items():
        lost = "" if score >= 1 else "  * " + ", ".join(lost_points(report, "accessibility"))
        print(f"  {page:<10}{round(score * 100):>4}{lost}")


def print_results(results):
    header = f"{'page':<10}{'form':<9}" + "".join(f"{name:>16}" for name in TARGETS)
    print(header)
    misses = []
    for (page, form_factor), (medians, report, performance) in results.items():
        cells = ""
        for name, target in TARGETS.items():
            mark = "" if medians[name] >= target else " *"
            cells += f"{round(medians[name] * 100):>14}{mark or '  '}"
            if mark:
                misses.append(
                    f"{page}/{form_factor} {name}: " + ", ".join(lost_points(report, name))
                )
        runs = " ".join(str(round(score * 100)) for score in performance)
        print(f"{page:<10}{form_factor:<9}{cells}  (performance runs: {runs})")
    print(
        "\n* below target (" + ", ".join(f"{k} {round(v * 100)}" for k, v in TARGETS.items()) + ")"
    )
    for miss in misses:
        print("  " + miss)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--site", default="site")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is shown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        plain_site = build_plain_material(scratch)
        servers = [make_server(args.site, port=0), make_server(plain_site, port=0)]
        base_url, plain_url = (server.start_in_background() for server in servers)
        try:
            results, phone = audit(base_url, args.runs, plain_url)
            print_results(results)
            print_gaps_to_plain_material(phone)
            print_dark_results(audit_dark_palette(base_url))
        finally:
            for server in servers:
                server.stop()


if __name__ == "__main__":
    main()
