#!/usr/bin/env python3
"""Deterministic synthetic corpus for the CqcGuide build benchmark.

Writes the same Markdown bodies in three layouts under OUT/:

  OUT/cqcguide/input/   site.yml, index.md, guidance/index.md, guidance/section-NNN/{index.md,page-NNN.md}
  OUT/hugo/             hugo.toml, layouts/ (copied from bench/hugo/), content/ (section _index.md files)
  OUT/eleventy/         eleventy.config.cjs, _includes/ etc. (copied from bench/eleventy/), guidance/...

PAGES guidance pages in folders of 100 (each folder: index.md + 99 pages). Every page has ~600 words: an intro,
h2/h3 headings, a bulleted and a numbered list, a pipe table, a block quote, and three internal links (a sibling
page, a heading on a page in another folder, a heading on the same page), all of which resolve.
The output depends only on PAGES and --seed (Python's random.Random is stable across versions for these calls).

Usage: gen.py --pages 1000 --out bench/work/corpus-1000 [--seed 20260115]
"""
import argparse
import os
import random
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
PER_FOLDER = 100

WORDS = """
care home service resident person family staff team manager carer nurse shift night day handover record medicine
dose round plan review risk incident learning action audit governance meeting supervision training support policy
procedure process practice change improvement quality safety culture leadership feedback complaint concern
evidence outcome assessment inspection report rating standard framework statement question answer example
pattern theme factor cause contributory system workload rota agency cover communication information consent
dignity choice independence wellbeing nutrition hydration mobility falls pressure skin infection prevention
cleaning equipment environment building room lighting door alarm call bell response time week month quarter year
board provider registered owner lead champion link deputy senior junior new experienced trained visiting
pharmacy doctor district hospital discharge admission transfer referral appointment visit contact relative
advocate partner commissioner authority council local regional national guidance toolkit checklist template
form log journal note entry summary finding recommendation priority deadline progress status update share
discuss agree decide check confirm measure monitor track compare improve sustain embed test trial pilot adopt
small clear simple practical useful regular weekly monthly open honest kind safe effective caring responsive
well led careful timely accurate complete consistent reliable visible shared agreed written signed dated
""".split()

HEADINGS = """
Why this matters|Who to involve|Before you start|Planning the review|Gathering the facts|Talking with the team
|Involving people and families|Looking for patterns|Contributory factors|Choosing an approach|Writing it down
|Agreeing actions|Testing a change|Checking it worked|Keeping it going|Sharing what you learned|Common mistakes
|A worked example|Questions to ask|What good looks like|Records to keep|Roles and responsibilities|Timescales
|Reporting to the board|Supervision conversations|Night and weekend cover|Agency and bank staff|Medicines rounds
|Handover between shifts|Falls and mobility|Nutrition and hydration|Infection prevention|Safeguarding concerns
|Complaints and compliments|Audits that help|Governance meetings|Learning logs|Action plans that work
|Measuring improvement|Evidence for inspectors|Staff wellbeing|Training and competence|Policies in practice
|When things go wrong again|Small steps first|Quick wins and their limits|Leadership on the floor|Further reading
""".replace("\n", "").split("|")

SOURCES = [
    ("Learning culture quality statement (CQC)", "https://www.cqc.org.uk/guidance-regulation/providers/assessment/single-assessment-framework/safe/learning-culture"),
    ("Patient safety learning response toolkit (NHS England)", "https://www.england.nhs.uk/publication/patient-safety-learning-response-toolkit/"),
    ("Patient Safety Incident Response Framework (NHS England)", "https://www.england.nhs.uk/patient-safety/patient-safety-insight/incident-response-framework/"),
    ("Regulation 20: Duty of candour (CQC)", "https://www.cqc.org.uk/guidance-providers/regulations/regulation-20-duty-candour"),
]

KEY_QUESTIONS = ["safe", "effective", "caring", "responsive", "well-led"]
STATEMENTS = [
    "safe.learning-culture", "safe.safe-systems-pathways-transitions", "safe.safeguarding", "safe.safe-environments",
    "safe.medicines-optimisation", "effective.assessing-needs", "effective.monitoring-improving-outcomes",
    "caring.kindness-compassion-dignity", "caring.workforce-wellbeing", "responsive.person-centred-care",
    "responsive.listening-involving-people", "well-led.governance-management-sustainability",
    "well-led.learning-improvement-innovation", "well-led.freedom-to-speak-up",
]
TAGS = ["root-cause-analysis", "action-planning", "medicines", "falls", "handover", "supervision", "audit",
        "governance", "training", "culture", "candour", "complaints", "infection-control", "nutrition",
        "safeguarding", "staffing", "records", "learning-logs", "psirf", "wellbeing"]
OWNERS = ["Registered manager", "Quality and governance lead", "Deputy manager", "Nominated individual", "Clinical lead"]


def slug(text):
    """GitHub-style heading id, as the three tools produce for these plain headings."""
    s = re.sub(r"[^\w\- ]", "", text.lower())
    return s.replace(" ", "-")


class Page:
    def __init__(self, folder, name, rng):
        self.folder = folder          # "section-001"
        self.name = name              # "index" or "page-002"
        self.headings = rng.sample(HEADINGS, 7)   # 4 h2 + 3 h3, distinct within a page
        self.title_phrase = rng.choice(HEADINGS)

    @property
    def is_index(self):
        return self.name == "index"

    @property
    def rel(self):                    # path under guidance/
        return f"{self.folder}/{self.name}.md"


def sentence(rng, lo=8, hi=16):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, n):
    return " ".join(sentence(rng) for _ in range(n))


def phrase(rng, lo=3, hi=6):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def link_to(src, dst, anchor=None):
    """Relative link from src's file to dst's file (both in guidance/), as an author would write it."""
    target = f"{dst.name}.md" if src.folder == dst.folder else f"../{dst.folder}/{dst.name}.md"
    return target + (f"#{anchor}" if anchor else "")


def body(page, rng, folder_pages, all_pages):
    h = page.headings
    # links: a sibling page, a heading on a page in another folder, a heading on this page
    siblings = [p for p in folder_pages if p is not page and not p.is_index]
    sib = rng.choice(siblings)
    others = [p for p in all_pages if p.folder != page.folder and not p.is_index] or siblings
    far = rng.choice(others)
    far_anchor = slug(rng.choice(far.headings))
    own_anchor = slug(h[rng.randint(1, 3)])
    out = []
    out.append(f"{paragraph(rng, 2)} See [{phrase(rng)}]({link_to(page, sib)}) for the related steps. {paragraph(rng, 1)}")
    out.append(f"## {h[0]}")
    out.append(paragraph(rng, 4))
    out.append("\n".join(f"- {phrase(rng, 5, 10)}" for _ in range(5)))
    out.append(paragraph(rng, 2))
    out.append(f"### {h[4]}")
    out.append(f"{paragraph(rng, 2)} The section on [{phrase(rng)}]({link_to(page, far, far_anchor)}) goes further. {paragraph(rng, 2)}")
    out.append(f"## {h[1]}")
    out.append(paragraph(rng, 3))
    out.append("\n".join(f"{i}. {phrase(rng, 6, 12)}" for i in range(1, 5)))
    out.append(f"{paragraph(rng, 2)} Come back to [{phrase(rng, 2, 4)}](#{own_anchor}) when you review it. {paragraph(rng, 1)}")
    out.append(f"## {h[2]}")
    out.append(paragraph(rng, 3))
    cols = ["Area", "What to check", "Who", "How often"]
    table = ["| " + " | ".join(cols) + " |", "| " + " | ".join("---" for _ in cols) + " |"]
    for _ in range(5):
        table.append("| " + " | ".join([rng.choice(WORDS).capitalize(), phrase(rng, 3, 6), rng.choice(WORDS), rng.choice(["Daily", "Weekly", "Monthly", "Quarterly"])]) + " |")
    out.append("\n".join(table))
    out.append(paragraph(rng, 2))
    out.append(f"### {h[5]}")
    out.append(paragraph(rng, 4))
    out.append(f"## {h[3]}")
    out.append(paragraph(rng, 3))
    out.append("> " + paragraph(rng, 2))
    out.append(f"### {h[6]}")
    out.append(paragraph(rng, 4))
    return "\n\n".join(out) + "\n"


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(page, rng, order, folder_title):
    title = (f"{folder_title}" if page.is_index else f"{page.title_phrase}, part {page.folder[-3:]}.{page.name[-2:]}")
    summary = sentence(rng, 12, 20)
    last = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    nxt = f"2026-{rng.randint(6, 12):02d}-{rng.randint(1, 28):02d}"   # after --date 2026-01-15
    kqs = sorted(rng.sample(KEY_QUESTIONS, rng.randint(1, 2)))
    qss = sorted(rng.sample(STATEMENTS, rng.randint(1, 3)))
    tags = sorted(rng.sample(TAGS, rng.randint(1, 3)))
    src = rng.sample(SOURCES, 2)
    lines = ["---", f"title: {yaml_str(title)}", f"summary: {yaml_str(summary)}", f"order: {order}",
             f"owner: {rng.choice(OWNERS)}", f"last_reviewed: {last}", f"next_review: {nxt}",
             f"key_questions: [{', '.join(kqs)}]", f"quality_statements: [{', '.join(qss)}]", f"tags: [{', '.join(tags)}]",
             "sources:"]
    for t, u in src:
        lines += [f"  - title: {yaml_str(t)}", f"    url: {u}"]
    return title, lines


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def copytree(src, dst):
    if os.path.isdir(src):
        shutil.copytree(src, dst, dirs_exist_ok=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, required=True, help="guidance pages, a multiple of 100")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20260115)
    a = ap.parse_args()
    if a.pages % PER_FOLDER or a.pages < 2 * PER_FOLDER:
        ap.error("--pages must be a multiple of 100, at least 200")
    rng = random.Random(a.seed)
    nfolders = a.pages // PER_FOLDER
    folders = [f"section-{i:03d}" for i in range(1, nfolders + 1)]
    by_folder = {f: [Page(f, "index" if j == 0 else f"page-{j:02d}", rng) for j in range(PER_FOLDER)] for f in folders}
    all_pages = [p for f in folders for p in by_folder[f]]

    out = a.out
    if os.path.exists(out):
        shutil.rmtree(out)
    cq = os.path.join(out, "cqcguide", "input")
    hu = os.path.join(out, "hugo")
    el = os.path.join(out, "eleventy")

    # Site-level files
    write(os.path.join(cq, "site.yml"),
          "title: Benchmark guide\ncurrent_version: \"1.0\"\nbase_url: https://example.org/\nlanguage: en-GB\nsearch: true\n")
    home = ("---\ntitle: Benchmark guide\nsummary: A synthetic site for the build benchmark.\n---\n"
            "A synthetic guidance site generated for the build benchmark. Start with the [guidance](guidance/index.md).\n")
    write(os.path.join(cq, "index.md"), home)
    groot_fm = ("title: Guidance\nsummary: All the synthetic guidance, in sections of one hundred pages.\n"
                "order: 1\nowner: Registered manager\nlast_reviewed: 2025-06-01\nnext_review: 2026-06-01\n"
                "sources:\n  - title: \"Patient safety learning response toolkit (NHS England)\"\n"
                "    url: https://www.england.nhs.uk/publication/patient-safety-learning-response-toolkit/\n")
    groot_body = "The guidance is organised in sections. Each section has an index page and ninety-nine pages.\n"
    write(os.path.join(cq, "guidance", "index.md"), f"---\n{groot_fm}---\n{groot_body}")

    copytree(os.path.join(HERE, "hugo"), hu)
    write(os.path.join(hu, "content", "_index.md"), "---\ntitle: Benchmark guide\n---\nA synthetic guidance site generated for the build benchmark.\n")
    write(os.path.join(hu, "content", "guidance", "_index.md"), f"---\n{groot_fm}weight: 1\n---\n{groot_body}")

    # Hugo and Eleventy serve the same stylesheet as CqcGuide's theme (taken now, so it never goes stale).
    theme_css = os.path.join(HERE, "..", "theme", "assets", "css", "site.css")
    for css_dir in (os.path.join(hu, "static", "css"), os.path.join(el, "css")):
        os.makedirs(css_dir, exist_ok=True)
        shutil.copyfile(theme_css, os.path.join(css_dir, "site.css"))

    copytree(os.path.join(HERE, "eleventy"), el)
    write(os.path.join(el, "index.md"), "---\ntitle: Benchmark guide\nlayout: page.njk\n---\nA synthetic guidance site generated for the build benchmark.\n")
    write(os.path.join(el, "guidance", "index.md"), f"---\n{groot_fm}---\n{groot_body}")

    words = 0
    for fi, f in enumerate(folders):
        folder_title = f"Section {fi + 1}: {rng.choice(HEADINGS)}"
        for j, page in enumerate(by_folder[f]):
            order = (fi + 1) * 10 if page.is_index else j * 10
            title, fm = front_matter(page, rng, order, folder_title)
            md = body(page, rng, by_folder[f], all_pages)
            words += len(md.split())
            fm_text = "\n".join(fm) + "\n---\n"
            write(os.path.join(cq, "guidance", page.rel), fm_text + md)
            # Hugo: a folder's index is the section's _index.md; `weight` gives CqcGuide's `order` sort.
            hugo_name = "_index" if page.is_index else page.name
            write(os.path.join(hu, "content", "guidance", page.folder, hugo_name + ".md"),
                  "\n".join(fm) + f"\nweight: {order}\n---\n" + md)
            # Eleventy: same front matter; the layout comes from guidance/guidance.11tydata.cjs.
            write(os.path.join(el, "guidance", page.rel), fm_text + md)
    print(f"{a.pages} pages in {nfolders} folders, {words / len(all_pages):.0f} words per page body on average -> {out}")


if __name__ == "__main__":
    main()
