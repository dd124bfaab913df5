#!/usr/bin/env python3
"""Regenerates the embedded data files of Extractor.Pdf from Debian packages.

Needs: poppler-data (Adobe CMaps), python3-fonttools (Adobe Glyph List),
python-matplotlib-data (Adobe Core 14 AFM files). Run from this folder:
    /usr/bin/python3 generate.py
"""
import codecs
import gzip
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))


def gz(name, data):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # mtime=0 keeps the output byte-identical between runs.
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
            f.write(data)


# Adobe Glyph List, verbatim (Adobe BSD licence in its header).
import fontTools.agl as agl
agl_text = agl._aglText
gz("glyphlist.txt.gz", agl_text.encode("utf-8"))
name_of = {}
for line in agl_text.splitlines():
    if line.startswith("#") or ";" not in line:
        continue
    n, u = line.split(";")
    cp = int(u.split()[0], 16)
    name_of.setdefault(cp, n)

# Adobe Core 14 AFM files, verbatim.
afm_dir = "/usr/share/matplotlib/mpl-data/fonts/pdfcorefonts"
for f in sorted(os.listdir(afm_dir)):
    if f.endswith(".afm"):
        gz("afm/" + f + ".gz", open(os.path.join(afm_dir, f), "rb").read())

# Simple-font encodings of ISO 32000-1 Annex D. Standard comes from the AFM code column;
# WinAnsi and MacRoman from the code pages with the Annex D specifics.
def afm_encoding(path):
    enc = [None] * 256
    for line in open(path, encoding="latin-1"):
        m = re.match(r"C (-?\d+) ; WX \S+ ; N (\S+)", line)
        if m and 0 <= int(m.group(1)) < 256:
            enc[int(m.group(1))] = m.group(2)
    return enc

standard = afm_encoding(os.path.join(afm_dir, "Times-Roman.afm"))


def code_page(codec, overrides):
    enc = [None] * 256
    for c in range(32, 256):
        try:
            ch = bytes([c]).decode(codec)
        except UnicodeDecodeError:
            continue
        if ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0:
            continue
        enc[c] = agl.UV2AGL.get(ord(ch)) or name_of.get(ord(ch))
    for c, n in overrides.items():
        enc[c] = n
    return enc

winansi = code_page("cp1252", {0x27: "quotesingle", 0x60: "grave", 0x2D: "hyphen", 0xA0: "space", 0xAD: "hyphen",
                                0x7F: "bullet", 0x81: "bullet", 0x8D: "bullet", 0x8F: "bullet", 0x90: "bullet", 0x9D: "bullet",
                                0x80: "Euro", 0xB5: "mu", 0xA6: "brokenbar"})
macroman = code_page("mac_roman", {0x27: "quotesingle", 0x60: "grave", 0x2D: "hyphen", 0xCA: "space", 0xDB: "currency",
                                    0xF0: "apple", 0xB5: "mu", 0xBD: "Omega", 0xC6: "Delta", 0xA1: "degree", 0xE1: "periodcentered",
                                    0x7F: None})
out = []
for name, enc in (("Standard", standard), ("WinAnsi", winansi), ("MacRoman", macroman)):
    out.append(name + " " + " ".join(n if n else "-" for n in enc))
gz("encodings.txt.gz", ("\n".join(out) + "\n").encode("ascii"))

# A CMap reader just large enough to compare CMaps: codespace ranges and code -> CID mappings, usecmap.
CMAP_TOKEN = re.compile(rb"%[^\n]*|<([0-9A-Fa-f\s]*)>|/([^\s/<>\[\]()%]+)|(\d+)|([A-Za-z]\w*)")


def read_cmap(data):
    cmap = {"codespace": [], "cids": {}, "usecmap": None, "wmode": 0}
    tokens = []
    for m in CMAP_TOKEN.finditer(data):
        if m.group(1) is not None:
            tokens.append(bytes.fromhex(re.sub(rb"\s", b"", m.group(1)).decode()))
        elif m.group(2) is not None:
            tokens.append("/" + m.group(2).decode())
        elif m.group(3) is not None:
            tokens.append(int(m.group(3)))
        elif m.group(4) is not None:
            tokens.append(m.group(4).decode())
    group, items = None, []
    for i, t in enumerate(tokens):
        if t in ("begincodespacerange", "begincidrange", "begincidchar", "beginnotdefrange", "beginbfrange", "beginbfchar"):
            group, items = t[5:], []
        elif group and t == "end" + group:
            if group == "codespacerange":
                cmap["codespace"] += [(items[j], items[j + 1]) for j in range(0, len(items) - 1, 2)]
            elif group in ("cidrange", "cidchar"):
                step = 3 if group == "cidrange" else 2
                for j in range(0, len(items) - step + 1, step):
                    low, high, cid = items[j], items[j + step - 2], items[j + step - 1]
                    a, b = int.from_bytes(low, "big"), int.from_bytes(high, "big")
                    for code in range(a, b + 1):
                        cmap["cids"][code.to_bytes(len(low), "big")] = cid + code - a
            group = None
        elif group:
            items.append(t)
        elif t == "usecmap" and isinstance(tokens[i - 1], str):
            cmap["usecmap"] = tokens[i - 1][1:]
        elif t == "def" and tokens[i - 2] == "/WMode":
            cmap["wmode"] = tokens[i - 1]
    return cmap


def defines_cids(data, cmap_dir):
    """Whether a CMap maps codes to CIDs (itself or through usecmap); Adobe-Japan2 ones (Hojo) are left out."""
    if b"(Japan2)" in data:
        return False
    cmap = read_cmap(data)
    if cmap["cids"]:
        return True
    parent = cmap["usecmap"] and os.path.join(cmap_dir, cmap["usecmap"])
    return bool(parent) and os.path.exists(parent) and defines_cids(open(parent, "rb").read(), cmap_dir)


# The codespaces of Adobe's UTF-8 and UTF-32 CMaps, and how a code point is written in each.
UNICODE_FORMS = {
    "UTF8": ([(b"\x00", b"\x7f"), (b"\xc0\x80", b"\xdf\xbf"), (b"\xe0\x80\x80", b"\xef\xbf\xbf"),
              (b"\xf0\x80\x80\x80", b"\xf7\xbf\xbf\xbf")], lambda ch: ch.encode("utf-8")),
    "UTF32": ([(b"\x00\x00\x00\x00", b"\x00\x10\xff\xff")], lambda ch: ch.encode("utf-32-be")),
}


def derivable(name, cmap_dir):
    """Whether a Uni*-UTF8-H or Uni*-UTF32-H CMap equals its UTF-16 form re-encoded, code for code."""
    m = re.fullmatch(r"(Uni.*)-(UTF8|UTF32)-H", name)
    source = m and os.path.join(cmap_dir, m.group(1) + "-UTF16-H")
    if not m or not os.path.exists(source):
        return False
    form = read_cmap(open(os.path.join(cmap_dir, name), "rb").read())
    utf16 = read_cmap(open(source, "rb").read())
    codespace, encode = UNICODE_FORMS[m.group(2)]
    try:
        recoded = {encode(code.decode("utf-16-be")): cid for code, cid in utf16["cids"].items()}
    except UnicodeDecodeError:
        return False
    return (form["usecmap"] is None and utf16["usecmap"] is None and form["wmode"] == utf16["wmode"] == 0 and
            form["codespace"] == codespace and form["cids"] == recoded)


# Predefined CMaps of Adobe-GB1, Adobe-CNS1, Adobe-Japan1 and Adobe-Korea1, verbatim (Adobe BSD licence): every
# CMap that maps codes to CIDs of its collection, and each collection's CID to Unicode CMap (Adobe-*-UCS2).
# The UTF-8 and UTF-32 forms of a Unicode CMap map the same characters as its UTF-16 form, so they are left
# out and built from it when a font names one (Fonts/CMapForms.cs), once this script has checked that the
# built form equals Adobe's file code for code.
COLLECTIONS = ["Adobe-GB1", "Adobe-CNS1", "Adobe-Japan1", "Adobe-Korea1"]
for folder in ("cmap", "cid2unicode"):
    for f in os.listdir(os.path.join(HERE, folder)):
        if f.endswith(".gz"):
            os.remove(os.path.join(HERE, folder, f))

derived = []
for coll in COLLECTIONS:
    cmap_dir = "/usr/share/poppler/cMap/" + coll
    for n in sorted(os.listdir(cmap_dir)):
        data = open(os.path.join(cmap_dir, n), "rb").read()
        if n == coll + "-UCS2" or defines_cids(data, cmap_dir):
            if derivable(n, cmap_dir):
                derived.append(n)
            else:
                gz("cmap/" + n + ".gz", data)
print("built from their UTF-16 form:", " ".join(derived))

# The 391 standard strings of the Compact Font Format (Adobe TN 5176, Appendix A).
from fontTools.cffLib import cffStandardStrings
gz("cff-standard-strings.txt.gz", ("\n".join(cffStandardStrings) + "\n").encode("ascii"))

# poppler-data's CID to Unicode tables (GPL-2, Glyph & Cog): poppler's text output uses them for CID fonts
# without ToUnicode, so the reader agrees with pdftotext (they differ from Adobe-*-UCS2 for 400 to 7,600 CIDs:
# vertical forms, the Japanese proportional Latin, CIDs added in later supplements).
for coll in COLLECTIONS:
    gz("cid2unicode/" + coll + ".gz", open("/usr/share/poppler/cidToUnicode/" + coll, "rb").read())
