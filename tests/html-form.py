#!/usr/bin/env python3
"""Check an HTML export of kaohe structurally, by parsing it.

usage: html-form.py EXPORT.html RUBRIC.json EXPECT.json

RUBRIC.json is `kaohe rubric show ID --format json`; EXPECT.json says what
this card must show: {"scores": {KEY: N}, "tiers": {KEY: N}, "total": "870
/ 1000", "notes": [TEXT...], "signers": [NAME...], "legend": [KEY...],
"headings": [TEXT...]}. Prints one line per failed check and exits 1 when
there is any.
"""
import json
import sys
from html.parser import HTMLParser

VOID = {"meta", "col", "br", "img", "link", "input", "hr", "wbr"}
HEADERS = ["評核構面", "考核項目", "評分", "考核內容（依實際情形勾選選項）",
           "細項配分", "紀錄事項", "評分說明"]


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text()
                       for c in self.children)

    def find(self, tag=None, cls=None):
        for c in self.children:
            if isinstance(c, str):
                continue
            if (tag is None or c.tag == tag) and (
                    cls is None or cls in c.attrs.get("class", "").split()):
                yield c
            yield from c.find(tag, cls)


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root
        self.errors = []

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.cur.tag != tag:
            self.errors.append("</%s> closes <%s>" % (tag, self.cur.tag))
            return
        self.cur = self.cur.parent

    def handle_data(self, data):
        self.cur.children.append(data)


failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def walk(nodes):
    for n in nodes:
        yield n
        yield from walk(n.get("children", []))


def grid_of(tbody):
    """Rows of (col, cell) after rowspan/colspan; checks the shape."""
    rows = [r for r in tbody.children if not isinstance(r, str)]
    taken = {}
    grid = []
    for y, tr in enumerate(rows):
        x = 0
        placed = []
        for td in (c for c in tr.children if not isinstance(c, str)):
            while (y, x) in taken:
                x += 1
            rs = int(td.attrs.get("rowspan", "1"))
            cs = int(td.attrs.get("colspan", "1"))
            check(y + rs <= len(rows),
                  "row %d: rowspan %d runs past the table" % (y, rs))
            for dy in range(rs):
                for dx in range(cs):
                    check((y + dy, x + dx) not in taken,
                          "row %d col %d: cells overlap" % (y + dy, x + dx))
                    taken[(y + dy, x + dx)] = td
            placed.append((x, td))
            x += cs
        grid.append(placed)
    for y in range(len(rows)):
        cols = sorted(x for (yy, x) in taken if yy == y)
        check(cols == list(range(7)),
              "row %d covers columns %s, not 0-6" % (y, cols))
    return grid


def main():
    html = open(sys.argv[1], encoding="utf-8").read()
    rubric = json.load(open(sys.argv[2], encoding="utf-8"))
    want = json.load(open(sys.argv[3], encoding="utf-8"))
    t = Tree()
    t.feed(html)
    t.close()
    for e in t.errors:
        check(False, "malformed: " + e)
    check(t.cur is t.root, "unclosed element <%s>" % t.cur.tag)
    check(html.startswith("<!DOCTYPE html>"), "no doctype")

    # Self-contained: nothing is fetched, nothing runs.
    for tag in ("script", "link", "img", "iframe", "object", "embed"):
        check(not list(t.root.find(tag)), "has a <%s>" % tag)
    for n in t.root.find():
        for a in ("src", "href", "srcset"):
            check(a not in n.attrs, "<%s> has %s=" % (n.tag, a))
        for a in n.attrs:
            check(not a.startswith("on"), "<%s> has %s=" % (n.tag, a))
    style = "".join(s.text() for s in t.root.find("style"))
    for bad in ("url(", "@import"):
        check(bad not in style, "the style sheet has " + bad)
    check("size: A4 landscape" in style, "no A4 landscape @page")
    check("counter(pages)" in style, "no page count in the print CSS")
    check("Noto Sans CJK TC" in style and "Microsoft JhengHei" in style and
          "PMingLiU" in style and "DFKai-SB" in style, "CJK font stack")

    tables = list(t.root.find("table", "form"))
    check(len(tables) == 1, "%d form tables" % len(tables))
    if not tables:
        return
    table = tables[0]
    heads = [th.text() for th in table.find("th")]
    check(heads == HEADERS, "header cells %s" % heads)
    check(len(list(table.find("thead"))) == 1, "no <thead>")
    check(len(list(table.find("col"))) == 7, "not 7 <col>")
    tbody = next(table.find("tbody"))
    grid = grid_of(tbody)
    check(len(grid) > 0, "no rows")

    cells = {}
    for placed in grid:
        for x, td in placed:
            cells.setdefault(x, []).append(td)
    text = {x: [td.text() for td in tds] for x, tds in cells.items()}

    nodes = list(walk(rubric["nodes"]))
    items = [n for n in nodes if "children" not in n]
    # Every item's title, every guidance and every ■/□ option is in 考核內容
    # (or, for an item at the 考核項目 level, its title is there).
    content = "\n".join(text.get(3, []))
    item_col = "\n".join(text.get(1, []))
    for n in items:
        check(n["title"] in content or n["title"] in item_col,
              "title of %s missing" % n["key"])
    # ... with its points beside it: "1. 申辦業務標準作業流程訂定情形 (30分)".
    heads = [p.text() for p in table.find("p", "head")]
    for n in items:
        check(any(n["title"] in h and "(%d分)" % n["max"] in h
                  for h in heads),
              "%s: no heading with its title and (%d分)" % (n["key"],
                                                            n["max"]))
    for n in nodes:
        if n.get("guidance"):
            check(n["guidance"] in content, "guidance of %s missing" % n["key"])
    opts = [p.text() for p in table.find("p", "option")]
    chosen = [p.text() for p in table.find("p", "chosen")]
    ntiers = sum(len(n.get("tiers", [])) for n in items)
    check(len(opts) + len(chosen) == ntiers,
          "%d options, want %d" % (len(opts) + len(chosen), ntiers))
    check(all(o.startswith("□") for o in opts), "an option lacks □")
    check(all(o.startswith("■") for o in chosen), "a chosen option lacks ■")
    bands = [p.text() for p in table.find("p", "band") if p.text()]
    for n in items:
        for i, tier in enumerate(n.get("tiers", [])):
            label = ("■" if want["tiers"].get(n["key"]) == i + 1 else "□") \
                + tier["label"]
            check(any(o == label for o in opts + chosen),
                  "%s option %d: %s missing" % (n["key"], i + 1, label))
            check(any(b.startswith("%d~%d分" % (tier["min"], tier["max"]))
                      for b in bands),
                  "%s band %d~%d missing" % (n["key"], tier["min"],
                                             tier["max"]))
    check(len(chosen) == len(want["tiers"]),
          "%d ■, want %d" % (len(chosen), len(want["tiers"])))

    # 評分: each item's score, in the row that carries its title.
    for placed in grid:
        cols = dict(placed)
        if 3 not in cols:
            continue
        row_text = cols[3].text() + (cols[1].text() if 1 in cols else "")
        for n in items:
            label = (n.get("number", "") + " " + n["title"]).strip()
            if n["key"] in want["scores"] and label in row_text:
                check(2 in cols and cols[2].text() ==
                      str(want["scores"][n["key"]]),
                      "%s: score cell %r, want %s" % (
                          n["key"], cols[2].text() if 2 in cols else None,
                          want["scores"][n["key"]]))
    merged = [td for td in tbody.find("td") if "rowspan" in td.attrs]
    check(any(td.attrs.get("class") == "dim" for td in merged),
          "no merged 評核構面 cell")
    check(any(td.attrs.get("class") == "item" for td in merged),
          "no merged 考核項目 cell")
    for h in want.get("headings", []):
        check(any(h in s for s in text.get(0, []) + text.get(1, [])),
              "heading %r missing" % h)

    notes = "\n".join(text.get(5, []) + text.get(6, []))
    for note in want.get("notes", []):
        check(note in notes, "note %r missing from the cells" % note[:40])

    body = t.root.text()
    check(want["total"] in body, "total %r missing" % want["total"])
    legend = list(t.root.find("section", "legend"))
    check(len(legend) == 1, "no legend")
    if legend:
        lines = [li.text() for li in legend[0].find("li")]
        keys = [ln.split(" ")[0] for ln in lines]
        check(keys == want["legend"], "legend keys %s" % keys)
        # Each line says what was inferred and where it came from.
        marked = [rubric] + [n for n in nodes if n.get("inferred")]
        for ln, n in zip(lines, marked):
            check(n.get("inferred_from", "") in ln,
                  "legend line %r lacks its inferred_from" % ln[:30])
    sign = list(t.root.find("section", "sign"))
    check(len(sign) == 1, "no signature block")
    if sign:
        check("考核人員簽章" in sign[0].text(), "no 考核人員簽章")
        rows = [tr for tr in sign[0].find("tr") if list(tr.find("td"))]
        names = [next(tr.find("td")).text() for tr in rows]
        check(names == want["signers"], "signature lines %s" % names)
        check(all("年" in tr.text() and "日" in tr.text() for tr in rows),
              "a signature line has no date")


main()
for f in failures:
    print("html-form: " + f)
sys.exit(1 if failures else 0)
