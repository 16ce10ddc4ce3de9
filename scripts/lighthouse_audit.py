"""Lighthouse audit of the built site in Debian's Chromium: part of `make bench`, not a test.

Serves site/ with its _headers (as a host that sends them would), audits the home, lesson,
drill and notebook pages as a phone and as a desktop, and prints each category's score against
its target with the audits that cost points; then audits accessibility once more in the dark
palette (Chromium told the reader prefers dark, so Material picks its slate scheme). Lighthouse
comes from npm (package.json); its mobile run simulates a slow 4G network and a 4x slower CPU.

    .venv/bin/python scripts/lighthouse_audit.py [--site site] [--runs 3]

A phone's performance score moves by a few points between runs of the same build (the simulated
4x CPU scales this machine's real task times, which vary), so each page and form is audited
three times by default and the median shown, as Lighthouse's docs advise, with every
performance score of the runs beside it.
"""

import argparse
import json
import statistics
import subprocess
import tempfile
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_ARGS
from serve_site import make_server

LIGHTHOUSE = Path("node_modules/.bin/lighthouse")
PAGES = {
    "home": "",
    "lesson": "lessons/mlops-vs-devops/",
    "drill": "drill/",
    "notebook": "labs/testing-ml-systems/",
}
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


def audit(base_url, runs):
    """{(page, form factor): (median scores, last report, every run's performance score)}"""
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for page, path in PAGES.items():
            for form_factor in FORM_FACTORS:
                reports = [
                    lighthouse(base_url + path, form_factor, f"{scratch}/{page}-{form_factor}.json")
                    for _ in range(runs)
                ]
                medians = {
                    name: statistics.median(scores(report)[name] for report in reports)
                    for name in TARGETS
                }
                performance = [scores(report)["performance"] for report in reports]
                results[page, form_factor] = (medians, reports[-1], performance)
    return results


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
    server = make_server(args.site, port=0)
    base_url = server.start_in_background()
    try:
        print_results(audit(base_url, args.runs))
        print_dark_results(audit_dark_palette(base_url))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
