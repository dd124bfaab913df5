"""The scan sweep: born-digital forms (the fixtures and family renderings) scanned under many conditions,
converted by the extractor, every contract field scored. See bench/scans/README.md... and bench/README.md.

    sweep.py make  --out DIR [--sources LIST] [--conditions LIST] [--family-docs DIR] [--family N]
    sweep.py score --out DIR --log BATCH_LOG [--json OUT.json]

`make` writes DIR/input/<condition>/<source>.{pdf,tif} and DIR/manifest.json (each file's source, expected
JSON, condition and page count). Every random choice (skew of each page, noise) comes from a seed made of
the source's and the condition's names, so a run makes the same files every time.

A scan is made page by page from `pdftoppm` at the condition's resolution (grey, or colour), with
ImageMagick: the official seal stamped (seal), the page put on another canvas (Letter: scaled to fit;
grown: a scanner bed larger than the page, the page off centre on grey), skewed, blurred, tinted like
paper, seeded Gaussian noise, turned a quarter or half (scanned on its side), and stored as the
condition says: a JPEG in an image-only PDF, a CCITT G4 bitonal image in a PDF, a multi-page TIFF file,
or a PDF with tesseract's searchable text layer over the JPEG.

The `random-a`…`random-j` conditions (named only when asked for) draw each file's settings at random, seeded
by its name, between and beyond the grid's values; the settings drawn are printed as each file is made. The
`g4-150-noisy`, `g4-180-faded` and `g4-200-blur` conditions (named only when asked for too) are bitonal scans of
worn type, blurred, noisy or faded before the threshold. The `shadow`, `low-contrast`, `photocopy` and
`g4-300-hairline` conditions (named only when asked for) imitate offices' scanners and copiers: a page lit
unevenly, grey paper under a light print, a copy of a copy scanned in black and white, hairline rulings
scanned in black and white at 300 dpi. The `platen-dark`, `seal-grey`, `skew-4.0`, `dpi-120`, `photo` and
`photo-steep` conditions imitate pages handled otherwise (a lid left open, a phone's photograph); the
`show-through`, `creased`, `punched`, `stained`, `curled`, `stamp-blue`, `copy-edges` and `fax-standard` ones
paper as archives keep it and offices' other ways of filing a page (a thin sheet's back showing through, folds,
binder holes and a staple, stains, a bound page's curl, a blue stamp over the table, a copier's dark edges, a
standard-mode fax of 204 × 98 dpi kept as a TIFF). All of these are named only when asked for.
"""
import argparse
import hashlib
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from pdfimage import Page, g4_strip, write_pdf

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CONVERT = "/usr/bin/convert"     # ImageMagick 6 itself
SEAL_FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
ENV = dict(os.environ, OMP_THREAD_LIMIT="1")

BASE = dict(dpi=200, skew=None, colour=False, quality=75, noise=0.4, blur=0.4, canvas="a4", seal=False, turn=0,
            store="pdf-jpeg")
CONDITIONS = {
    "dpi-150": dict(dpi=150),
    "dpi-200": dict(),
    "dpi-300": dict(dpi=300),
    "dpi-400": dict(dpi=400),
    "dpi-600": dict(dpi=600),
    "skew-2.0": dict(skew=-2.0),
    "skew-1.0": dict(skew=-1.0),
    "skew+1.0": dict(skew=1.0),
    "skew+2.0": dict(skew=2.0),
    "canvas-letter": dict(canvas="letter"),
    "canvas-grown": dict(canvas="grown"),
    "colour": dict(colour=True),
    "bitonal-g4": dict(store="pdf-g4", noise=0.2),
    "jpeg-q40": dict(quality=40),
    "jpeg-q60": dict(quality=60),
    "jpeg-q90": dict(quality=90),
    "noise-heavy": dict(noise=1.0),
    "blur-heavy": dict(blur=1.0),
    "seal": dict(colour=True, seal=True),
    "turn-90": dict(turn=90),
    "turn-180": dict(turn=180),
    "turn-270": dict(turn=270),
    "searchable-layer": dict(store="pdf-layer"),
    "tiff-g4": dict(store="tiff-g4", dpi=300, noise=0.2),
    "tiff-grey": dict(store="tiff-grey", dpi=200),
    # One file of pages from two scanning sessions: odd pages at 300 dpi, even ones at 150, each page's
    # directory stating its own.
    "tiff-mixed-dpi": dict(store="tiff-grey", dpi=300, dpi_even=150),
}

# Scans made in ways the grid above does not name: each file's scanner settings drawn at random (seeded by the
# source's and the condition's names) between and beyond the grid's values — any resolution from 150 to 400
# dpi, skew up to 3°, blur, noise, JPEG quality, canvas, colour, a faded or a heavy toner. Tuning is on the
# grid; these tell whether it holds off it.
RANDOM_CONDITIONS = [f"random-{k}" for k in "abcdefghij"]
CONDITIONS.update({name: dict(random=True) for name in RANDOM_CONDITIONS})

# Bitonal scans of worn type, harsher than the grid's bitonal-g4 (blur 0.4, noise 0.2): strokes and thin rulings
# thresholded into dots and breaks. Named only when asked for, like the random ones.
STRESS_CONDITIONS = {
    "g4-150-noisy": dict(dpi=150, blur=1.0, noise=0.85, store="pdf-g4"),
    "g4-180-faded": dict(dpi=180, blur=0.8, noise=0.5, store="pdf-g4", toner="faded"),
    "g4-200-blur": dict(dpi=200, blur=1.1, noise=0.6, store="pdf-g4"),
}
CONDITIONS.update(STRESS_CONDITIONS)

# Image files scanned coarser than PDF pages are rendered (200 dpi), as archives keep them beside PDFs: a page
# is read at the resolution its file states. Named only when asked for.
COARSE_CONDITIONS = {
    "tiff-grey-150": dict(store="tiff-grey", dpi=150),
    "tiff-g4-150": dict(store="tiff-g4", dpi=150, noise=0.2),
    "tiff-g4-180": dict(store="tiff-g4", dpi=180, noise=0.4, blur=0.6),
}
CONDITIONS.update(COARSE_CONDITIONS)

# Scanners and copiers the conditions above do not imitate. Named only when asked for.
OFFICE_CONDITIONS = {
    # A page lit unevenly (the lid not shut on a bound report): the paper darkens towards one edge.
    "shadow": dict(light="shadow"),
    # Grey recycled paper and a light print: the ink 45% and the paper 82% of white.
    "low-contrast": dict(light="low"),
    # A copy of a copy, scanned in black and white: the first copy thresholds the print a little dark, as
    # copiers are set, the second blurs that and adds the copier's specks.
    "photocopy": dict(store="pdf-g4", light="copy", noise=0.3),
    # A bitonal scan at 300 dpi of a form with hairline rulings: thin lines printed grey come out as dots.
    "g4-300-hairline": dict(store="pdf-g4", dpi=300, blur=0.7, noise=0.3, toner="faded"),
}
CONDITIONS.update(OFFICE_CONDITIONS)

# Pages handled in ways the conditions above do not imitate. Named only when asked for.
HANDLING_CONDITIONS = {
    # Scanned with the lid open on a dark platen: the page lies a little askew inside a dark margin.
    "platen-dark": dict(canvas="platen", skew=0.8),
    # A red seal scanned in grey: its ink is grey over the print, with nothing to tell it by colour.
    "seal-grey": dict(seal=True),
    # Fed into the scanner well askew.
    "skew-4.0": dict(skew=-4.0),
    # An old scan at a low resolution.
    "dpi-120": dict(dpi=120),
    # Photographed with a phone held a little off square: the page a trapezium on a darker desk, lit unevenly.
    "photo": dict(canvas="photo", colour=True, quality=70, dpi=180, skew=1.2),
    # The same from lower down, turned further, coarser: the top edge 14% shorter, 3° askew, 150 dpi, JPEG q60.
    "photo-steep": dict(canvas="photo", colour=True, quality=60, dpi=150, skew=-3.0, keystone=0.07),
}
CONDITIONS.update(HANDLING_CONDITIONS)

# Paper as archives keep it, and offices' other ways of filing a page. Named only when asked for.
WEAR_CONDITIONS = {
    # Thin paper: the print of the sheet's back shows through, mirrored and faint.
    "show-through": dict(wear="show-through"),
    # Folded in three to be posted and in half again: creases across the page and down its middle.
    "creased": dict(wear="creased"),
    # Punched for a binder and stapled: two holes in the left margin and a staple at the top left, all dark.
    "punched": dict(wear="punched"),
    # Old paper in colour: yellowed, with brown stains over the print.
    "stained": dict(wear="stained", colour=True),
    # A bound report's page curled towards its spine: its lines bow into a shallow arc.
    "curled": dict(wear="curled"),
    # A blue "checked against the original" stamp over the indicator table, scanned in colour.
    "stamp-blue": dict(wear="stamp-blue", colour=True),
    # Copied off centre: the copier's dark lid edge along the left and the bottom of the page.
    "copy-edges": dict(wear="copy-edges"),
    # A fax in standard mode kept as a TIFF file: 204 dpi across, 98 dpi down, Group 3.
    "fax-standard": dict(store="tiff-g3", dpi=204, ydpi=98, noise=0.2),
}
CONDITIONS.update(WEAR_CONDITIONS)


def drawn(c, rnd):
    """The settings of a random condition, drawn from `rnd`."""
    return dict(c, dpi=rnd.choice([150, 168, 180, 200, 220, 240, 256, 300, 320, 360, 400]),
                skew=round(rnd.uniform(-3, 3), 2), blur=round(rnd.uniform(0, 1.1), 2),
                noise=round(rnd.uniform(0, 1.1), 2), quality=rnd.randint(35, 95),
                canvas=rnd.choice(["a4", "a4", "letter", "grown"]), colour=rnd.random() < 0.4,
                toner=rnd.choice(["normal", "normal", "faded", "heavy"]),
                store="pdf-g4" if rnd.random() < 0.15 else "pdf-jpeg")


def run(*args, **kw):
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, env=ENV, **kw)


def seed_of(*names):
    return int(hashlib.sha256("/".join(names).encode()).hexdigest()[:8], 16)


def sources(args):
    """(name, pdf, expected json) of the born-digital inputs."""
    out = []
    wanted = set(args.sources.split(",")) if args.sources else None
    for pdf in sorted((ROOT / "fixtures" / "variants").glob("*.pdf")) + sorted((ROOT / "fixtures" / "forms" / "pdf").glob("*.pdf")):
        name = pdf.stem
        expected = pdf.with_name(name + ".expected.json")
        # Tables printed without rulings are swept only when named.
        if not expected.exists() or ("borderless" in name and (wanted is None or name not in wanted)):
            continue
        if wanted is None or name in wanted:
            out.append((name, pdf, expected))
    if args.family_docs and args.family:
        docs = sorted(Path(args.family_docs).glob("family-*.pdf"))
        taken = 0
        for pdf in docs:
            expected = pdf.with_name(pdf.stem + ".expected.json")
            meta = pdf.with_name(pdf.stem + ".meta.json")
            if not expected.exists() or (meta.exists() and json.loads(meta.read_text()).get("ok") is False):
                continue
            out.append((pdf.stem, pdf, expected))
            taken += 1
            if taken >= args.family:
                break
    return out


def seal(png, dpi):
    """A red official seal stamped over the funds block of the first page (multiplied into the print)."""
    w, h = (int(v) for v in run(CONVERT, png, "-format", "%w %h", "info:").stdout.decode().split())
    r = round(2.1 / 2.54 * dpi)
    cx, cy = round(0.62 * w), round(0.3 * h)
    red = "#d8202a"
    star = " ".join(f"{cx + round(rr * math.sin(math.radians(a)))},{cy - round(rr * math.cos(math.radians(a)))}"
                    for a, rr in ((k * 36, r * (0.3 if k % 2 == 0 else 0.12)) for k in range(10)))
    run(CONVERT, png, "(", "-size", f"{w}x{h}", "xc:white", "-fill", "none", "-stroke", red,
        "-strokewidth", max(2, round(dpi / 40)), "-draw", f"circle {cx},{cy} {cx + r},{cy}",
        "-fill", red, "-stroke", "none", "-draw", "polygon " + star,
        "-font", SEAL_FONT, "-pointsize", round(dpi * 0.13), "-gravity", "NorthWest",
        "-annotate", f"+{cx - round(r * 0.78)}+{cy - round(r * 0.72)}", "某县交通运输局",
        ")", "-compose", "multiply", "-composite", png)


def wear(w, h, c, seed):
    """ImageMagick arguments that age or mark the page, as the condition's `wear` says."""
    kind, dpi = c.get("wear"), c["dpi"]
    mm = dpi / 25.4
    if kind == "show-through":
        # The back's print (this page's own, mirrored and shifted a little) at a sixth of its strength.
        return ["(", "+clone", "-flop", "-roll", f"+{round(3 * mm)}+{round(5 * mm)}", "-blur", "0x1.2",
                "+level", "84%,100%", ")", "-compose", "multiply", "-composite", "-compose", "over"]
    if kind == "creased":
        lines = []
        for y in (h // 3, 2 * h // 3):
            lines += ["-draw", f"line 0,{y} {w},{y}"]
        lines += ["-draw", f"line {w // 2},0 {w // 2},{h}"]
        return ["(", "-size", f"{w}x{h}", "xc:white", "-stroke", "#8c8c8c", "-strokewidth", str(max(2, round(0.4 * mm))),
                *lines, "-blur", f"0x{max(1.0, 0.5 * mm):.1f}", ")", "-compose", "multiply", "-composite", "-compose", "over"]
    if kind == "punched":
        r, x = round(3 * mm), round(11 * mm)
        holes = [arg for y in (round(h * 0.36), round(h * 0.64)) for arg in ("-draw", f"circle {x},{y} {x + r},{y}")]
        s0, s1 = round(6 * mm), round(16 * mm)
        return ["-fill", "#1e1e1e", "-stroke", "none", *holes, "-stroke", "#3a3a3a",
                "-strokewidth", str(max(2, round(0.7 * mm))), "-draw", f"line {s0},{s1} {s1},{s0}",
                "-stroke", "none", "-fill", "black"]
    if kind == "stained":
        rnd = random.Random(seed)
        rings = []
        for _ in range(4):
            cx, cy, r = rnd.randint(w // 6, 5 * w // 6), rnd.randint(h // 6, 5 * h // 6), rnd.randint(round(15 * mm), round(30 * mm))
            rings += ["-draw", f"circle {cx},{cy} {cx + r},{cy}"]
        return ["(", "+clone", "-fill", "#f3e6c4", "-colorize", "100", ")", "-compose", "multiply", "-composite",
                "(", "-size", f"{w}x{h}", "xc:white", "-fill", "#e6d3ab", "-stroke", "#c4a577",
                "-strokewidth", str(max(2, round(0.8 * mm))), *rings, "-blur", f"0x{2 * mm:.1f}", ")",
                "-compose", "multiply", "-composite", "-compose", "over"]
    if kind == "curled":
        # Half a sine across the page: the middle of each line 1% of the page's height off its ends.
        return ["-background", "white", "-wave", f"{round(h * 0.01)}x{2 * w}", "-gravity", "center", "-extent", f"{w}x{h}"]
    if kind == "copy-edges":
        left, bottom = round(7 * mm), round(5 * mm)
        return ["-fill", "#202020", "-stroke", "none", "-draw", f"rectangle 0,0 {left},{h}",
                "-draw", f"rectangle 0,{h - bottom} {w},{h}", "-fill", "black"]
    if kind == "stamp-blue":
        cx, cy = round(0.55 * w), round(0.62 * h)
        bw, bh = round(48 * mm), round(16 * mm)
        return ["(", "-size", f"{w}x{h}", "xc:white", "-fill", "none", "-stroke", "#2f4fb8",
                "-strokewidth", str(max(2, round(0.6 * mm))),
                "-draw", f"rectangle {cx - bw // 2},{cy - bh // 2} {cx + bw // 2},{cy + bh // 2}",
                "-stroke", "none", "-fill", "#2f4fb8", "-font", SEAL_FONT, "-pointsize", str(round(dpi * 0.16)),
                "-gravity", "NorthWest", "-annotate", f"+{cx - round(bw * 0.42)}+{cy - round(bh * 0.38)}", "与原件核对无误",
                "-pointsize", str(round(dpi * 0.1)), "-annotate", f"+{cx - round(bw * 0.2)}+{cy + round(bh * 0.1)}", "2021年3月15日",
                "-rotate", "-4", "-gravity", "center", "-extent", f"{w}x{h}", ")",
                "-compose", "multiply", "-composite", "-compose", "over"]
    return []


def degrade(png, out, c, angle, seed, fmt):
    """One page scanned: canvas, skew, blur, paper, noise, colour, turn; written as `fmt` (jpg, png, tif-g4)."""
    w, h = (int(v) for v in run(CONVERT, png, "-format", "%w %h", "info:").stdout.decode().split())
    args = [CONVERT, png, *wear(w, h, c, seed)]
    if c["canvas"] == "letter":
        lw, lh = round(8.5 * c["dpi"]), round(11 * c["dpi"])
        if w > h:
            lw, lh = lh, lw
        args += ["-resize", f"{lw}x{lh}", "-background", "white", "-gravity", "center", "-extent", f"{lw}x{lh}"]
    elif c["canvas"] == "grown":
        gw, gh = round(w * 1.08), round(h * 1.06)
        args += ["-background", "#d9d9d9", "-gravity", "northwest", "-splice", f"{round(w * 0.05)}x{round(h * 0.02)}",
                 "-extent", f"{gw}x{gh}"]
    elif c["canvas"] in ("platen", "photo"):
        # The page on something darker than it: a platen's lid left open, a desk under a phone.
        mw, mh = round(w * 0.045), round(h * 0.03)
        if c["canvas"] == "photo":
            # Lit from one side: the light falls off across the page to 80% at its far edge.
            args += ["(", "-size", f"{h}x{w}", "gradient:white-#d0d0d0", "-rotate", "-90", ")",
                     "-compose", "multiply", "-composite", "-compose", "over"]
        args += ["-background", "#2b2b2b" if c["canvas"] == "platen" else "#6b5a48", "-gravity", "center",
                 "-extent", f"{w + 2 * mw}x{h + 2 * mh}"]
        if c["canvas"] == "photo":
            # Seen from a little below its middle: the top edge shorter than the bottom by twice the keystone.
            W, H = w + 2 * mw, h + 2 * mh
            k = round(W * c.get("keystone", 0.035))
            args += ["-virtual-pixel", "background", "-distort", "Perspective",
                     f"0,0 {k},{round(H * 0.01)}  {W},0 {W - k},{round(H * 0.01)}  0,{H} 0,{H}  {W},{H} {W},{H}"]
    args += ["-background", "#2b2b2b" if c["canvas"] == "platen" else "#6b5a48" if c["canvas"] == "photo" else "white",
             "-rotate", str(angle), "-gravity", "center", "+repage"]
    if c["canvas"] == "a4":
        args += ["-extent", f"{w}x{h}"]
    if c.get("toner") == "faded":
        # A printer low on toner: the ink lightened towards the paper.
        args += ["+level", "30%,100%"]
    elif c.get("toner") == "heavy":
        # Too much toner: strokes spread by a pixel at 200 dpi and above.
        args += ["-morphology", "Erode", "Disk:1" if c["dpi"] >= 200 else "Square:1"]
    if c.get("light") == "low":
        args += ["+level", "45%,82%"]
    elif c.get("light") == "copy":
        # The first copy: blurred and thresholded; the blur below is the second's.
        args += ["-blur", "0x0.8", "-threshold", "70%"]
    args += ["-blur", f"0x{c['blur']}",
             "(", "+clone", "-fill", "#f5f3ec" if c["colour"] else "#f5f5f5", "-colorize", "100", ")",
             "-compose", "multiply", "-composite",
             "-seed", str(seed), "-attenuate", str(c["noise"]), "+noise", "Gaussian"]
    if c.get("light") == "shadow":
        # Light falling off from about the middle of the page towards its right edge, to half at the edge.
        args += ["(", "-size", f"{h}x{w}", "gradient:white-#606060", "-rotate", "-90", "-level", "0%,75%",
                 "-resize", f"{w}x{h}!", ")", "-compose", "multiply", "-composite"]
    elif c.get("light") == "copy":
        args += ["-seed", str(seed + 1), "(", "+clone", "-fill", "white", "-colorize", "100",
                 "-attenuate", "0.02", "+noise", "Impulse", "-threshold", "50%", ")", "-compose", "multiply", "-composite"]
    if not c["colour"]:
        args += ["-colorspace", "Gray"]
    if c["turn"]:
        args += ["-rotate", str(c["turn"])]
    if c.get("ydpi"):
        # Sampled coarser down the page than across it: the image shorter, its resolution stating both.
        args += ["-resize", f"100%x{100 * c['ydpi'] / c['dpi']:.3f}%"]
    args += ["-strip", "-density", f"{c['dpi']}x{c.get('ydpi', c['dpi'])}", "-units", "PixelsPerInch"]
    if fmt == "tif-g4":
        args += ["-threshold", "62%", "-type", "bilevel", "-compress", "Group4", "-define", "tiff:rows-per-strip=100000"]
    elif fmt == "jpg":
        args += ["-sampling-factor", "2x2", "-quality", str(c["quality"])]
    run(*args, out)


def make_one(name, pdf, condition, target):
    c = dict(BASE, **CONDITIONS[condition])
    rnd = random.Random(seed_of(name, condition))
    if c.get("random"):
        c = drawn(c, rnd)
        print(f"{condition}/{name}: " + ", ".join(f"{k}={c[k]}" for k in ("dpi", "skew", "blur", "noise", "quality", "canvas", "colour", "toner", "store")), file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        run("pdftoppm", "-r", c["dpi"], *([] if c["colour"] else ["-gray"]), "-png", pdf, tmp / "p")
        pngs = sorted(tmp.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        if c.get("dpi_even"):
            run("pdftoppm", "-r", c["dpi_even"], *([] if c["colour"] else ["-gray"]), "-png", pdf, tmp / "e")
            evens = sorted(tmp.glob("e-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
            pngs = [evens[i] if i % 2 else png for i, png in enumerate(pngs)]
        base_skew = c["skew"] if c["skew"] is not None else rnd.uniform(-0.8, 0.8)
        pages = []
        for i, png in enumerate(pngs):
            angle = round(base_skew + (rnd.uniform(-0.15, 0.15) if c["skew"] is None else 0), 2)
            if c["seal"] and i == 0:
                seal(png, c["dpi"])
            fmt = "tif-g4" if c["store"] in ("pdf-g4", "tiff-g4", "tiff-g3") else "png" if c["store"] == "tiff-grey" else "jpg"
            out = tmp / f"s{i:03d}.{fmt.split('-')[0]}"
            page_c = dict(c, dpi=c["dpi_even"]) if c.get("dpi_even") and i % 2 else c
            degrade(png, out, page_c, angle, seed_of(name, condition, str(i)) % 100000, fmt)
            pages.append(out)
        if c["store"] == "pdf-jpeg":
            write_pdf(target, [jpeg_page(p, c) for p in pages])
        elif c["store"] == "pdf-g4":
            write_pdf(target, [g4_page(p, c) for p in pages])
        elif c["store"] in ("tiff-g4", "tiff-grey", "tiff-g3"):
            extra = ["-compress", {"tiff-g4": "Group4", "tiff-g3": "Fax", "tiff-grey": "LZW"}[c["store"]]]
            if c.get("dpi_even"):
                # Each page its own TIFF stating its resolution first (-strip left the intermediates without
                # one, and a -density given while joining would be every page's).
                for i, page in enumerate(pages):
                    run(CONVERT, page, "-units", "PixelsPerInch", "-density", c["dpi_even"] if i % 2 else c["dpi"], *extra, f"{page}.tif")
                run(CONVERT, *(f"{page}.tif" for page in pages), *extra, target)
            else:
                run(CONVERT, *pages, *extra, "-density", f"{c['dpi']}x{c.get('ydpi', c['dpi'])}", "-units", "PixelsPerInch", target)
        elif c["store"] == "pdf-layer":
            parts = []
            for i, jpg in enumerate(pages):
                base = tmp / f"layer{i:03d}"
                run("tesseract", jpg, base, "-l", "chi_sim", "--dpi", c["dpi"], "pdf")
                parts.append(f"{base}.pdf")
            run("qpdf", "--deterministic-id", "--empty", "--pages", *parts, "--", target)
        return len(pages)


def jpeg_page(path, c):
    data = path.read_bytes()
    w, h = (int(v) for v in run(CONVERT, path, "-format", "%w %h", "info:").stdout.decode().split())
    return Page(data, "DCTDecode", w, h, not c["colour"], c["dpi"])


def g4_page(path, c):
    data, w, h, black_is_1 = g4_strip(path.read_bytes())
    return Page(data, "CCITTFaxDecode", w, h, True, c["dpi"], black_is_1)


def make(args):
    out = Path(args.out)
    conditions = args.conditions.split(",") if args.conditions else [c for c in CONDITIONS if c not in RANDOM_CONDITIONS and c not in STRESS_CONDITIONS and c not in COARSE_CONDITIONS
                                                                       and c not in OFFICE_CONDITIONS and c not in HANDLING_CONDITIONS
                                                                       and c not in WEAR_CONDITIONS]
    if shutil.which("tesseract") is None and "searchable-layer" in conditions:
        print("tesseract missing: the searchable-layer condition is left out", file=sys.stderr)
        conditions.remove("searchable-layer")
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    for condition in conditions:
        (out / "input" / condition).mkdir(parents=True, exist_ok=True)
        for name, pdf, expected in sources(args):
            store = dict(BASE, **CONDITIONS[condition])["store"]
            target = out / "input" / condition / (name + (".tif" if store.startswith("tiff") else ".pdf"))
            key = str(target.relative_to(out))
            stamp = seed_of(name, condition, json.dumps(CONDITIONS[condition], sort_keys=True), pdf.read_bytes().hex()[:64])
            if target.exists() and manifest.get(key, {}).get("stamp") == stamp:
                continue
            try:
                pages = make_one(name, pdf, condition, target)
            except subprocess.CalledProcessError as e:
                # ImageMagick's policy limits refuse the largest pages (A3 at 600 dpi): say so and go on.
                detail = (e.stderr or b"").decode(errors="replace").strip().splitlines()
                print(f"skipped {key}: {e.cmd[0]} failed ({detail[-1] if detail else e.returncode})", file=sys.stderr)
                continue
            manifest[key] = dict(source=name, expected=str(expected), condition=condition, pages=pages, stamp=stamp)
            manifest_path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
            print(f"made {key} ({pages} pages)", file=sys.stderr)


def count(actual, expected):
    """Leaves of `expected` that `actual` has the same at the same path (numbers by value), and how many."""
    if isinstance(expected, dict):
        r = t = 0
        for k, v in expected.items():
            a, b = count(actual.get(k) if isinstance(actual, dict) else None, v)
            r, t = r + a, t + b
        return r, t
    if isinstance(expected, list):
        r = t = 0
        items = actual if isinstance(actual, list) else []
        for i, v in enumerate(expected):
            a, b = count(items[i] if i < len(items) else None, v)
            r, t = r + a, t + b
        return r, t
    if actual is None and expected is not None:
        return 0, 1
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return int(abs(expected - actual) < 1e-9), 1
    return int(expected == actual and type(expected) is type(actual)), 1


def batch_figures(time_txt, pages):
    """The batch's wall-clock and CPU time a page and its peak memory, from /usr/bin/time -v's report."""
    if not time_txt.exists() or not pages:
        return {}
    fields = {}
    for line in time_txt.read_text().splitlines():
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    wall = fields.get("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    if wall is None:
        return {}
    seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall.split(":"))))
    cpu = float(fields.get("User time (seconds)", 0)) + float(fields.get("System time (seconds)", 0))
    return dict(batch_wall_s=seconds, batch_s_per_page=seconds / pages, batch_cpu_s_per_page=cpu / pages,
                peak_rss_mb=int(fields.get("Maximum resident set size (kbytes)", 0)) / 1024)


def score(args):
    out = Path(args.out)
    manifest = json.loads((out / "manifest.json").read_text())
    durations = {}
    for line in Path(args.log).read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        props = event.get("Properties", event)
        if props.get("FileEvent") == "done" and "DurationMs" in props:
            durations[os.path.normpath(props["Path"])] = props["DurationMs"]
    by_condition = {}
    rows = []
    for key, m in sorted(manifest.items()):
        if not (out / key).exists():
            continue
        rel = Path(key).relative_to("input")
        result = out / "results" / rel.with_name(rel.name + ".json" if rel.suffix != ".pdf" else rel.stem + ".json")
        if not result.exists():
            result = out / "results" / rel.with_suffix(".json")
        expected = json.loads(Path(m["expected"]).read_text())["forms"]
        actual = json.loads(result.read_text())["forms"] if result.exists() else []
        right, total = count(actual, expected)
        ms = next((v for k, v in durations.items() if k.endswith(os.path.normpath(key))), None)
        rows.append(dict(file=key, condition=m["condition"], source=m["source"], pages=m["pages"], right=right, total=total,
                         pct=100.0 * right / total, ms_per_page=None if ms is None else ms / m["pages"]))
        by_condition.setdefault(m["condition"], []).append(rows[-1])
    table = []
    for condition in [c for c in CONDITIONS if c in by_condition]:
        rs = by_condition[condition]
        right, total = sum(r["right"] for r in rs), sum(r["total"] for r in rs)
        times = [r["ms_per_page"] for r in rs if r["ms_per_page"] is not None]
        table.append(dict(condition=condition, files=len(rs), pages=sum(r["pages"] for r in rs), right=right, total=total,
                          pct=100.0 * right / total, worst=min(r["pct"] for r in rs),
                          worst_file=min(rs, key=lambda r: r["pct"])["source"],
                          median_ms=statistics.median(times) if times else None))
    print("| condition | files | pages | fields right | % | worst file % | median s/page |")
    print("|---|---:|---:|---:|---:|---|---:|")
    for t in table:
        med = "" if t["median_ms"] is None else f"{t['median_ms'] / 1000:.2f}"
        print(f"| {t['condition']} | {t['files']} | {t['pages']} | {t['right']}/{t['total']} | {t['pct']:.1f} "
              f"| {t['worst']:.1f} ({t['worst_file']}) | {med} |")
    pcts = [t["pct"] for t in table]
    all_times = [r["ms_per_page"] for r in rows if r["ms_per_page"] is not None]
    right, total = sum(r["right"] for r in rows), sum(r["total"] for r in rows)
    summary = dict(conditions=len(table), files=len(rows), pages=sum(r["pages"] for r in rows),
                   fields_pct=100.0 * right / max(1, total), condition_mean_pct=statistics.mean(pcts) if pcts else None,
                   condition_worst_pct=min(pcts) if pcts else None,
                   worst_condition=min(table, key=lambda t: t["pct"])["condition"] if table else None,
                   median_s_per_page=statistics.median(all_times) / 1000 if all_times else None)
    batch = batch_figures(out / "time.txt", summary["pages"])
    summary.update(batch)
    print()
    if batch:
        print(f"batch: {summary['pages']} pages in {batch['batch_wall_s']:.1f} s of wall-clock time = {batch['batch_s_per_page']:.2f} s a page "
              f"(all files at once, -j as run), {batch['batch_cpu_s_per_page']:.2f} s of CPU a page, peak RSS {batch['peak_rss_mb']:.0f} MB")
    print(f"overall {right}/{total} fields = {summary['fields_pct']:.2f}%; per condition mean {summary['condition_mean_pct']:.2f}%, "
          f"worst {summary['condition_worst_pct']:.2f}% ({summary['worst_condition']}); "
          f"median {summary['median_s_per_page'] or float('nan'):.2f} s a page over {summary['pages']} pages")
    if args.json:
        Path(args.json).write_text(json.dumps(dict(summary=summary, conditions=table, files=rows), indent=1, ensure_ascii=False))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make")
    m.add_argument("--out", required=True)
    m.add_argument("--sources", help="comma-separated source names (default: every fixture with expected JSON)")
    m.add_argument("--conditions", help="comma-separated condition names (default: all)")
    m.add_argument("--family-docs", help="a folder of family renderings (bench/family/out/docs)")
    m.add_argument("--family", type=int, default=0, help="how many family renderings to add")
    s = sub.add_parser("score")
    s.add_argument("--out", required=True)
    s.add_argument("--log", required=True)
    s.add_argument("--json")
    a = p.parse_args()
    make(a) if a.command == "make" else score(a)


if __name__ == "__main__":
    main()
