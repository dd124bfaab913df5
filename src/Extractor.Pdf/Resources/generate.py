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

# Predefined CMaps for Chinese (Adobe-GB1) and the CID to Unicode map, verbatim (Adobe BSD licence).
cmap_dir = "/usr/share/poppler/cMap/Adobe-GB1"
for n in ["UniGB-UCS2-H", "UniGB-UCS2-V", "UniGB-UTF16-H", "UniGB-UTF16-V", "GBK-EUC-H", "GBK-EUC-V",
          "GB-EUC-H", "GB-EUC-V", "GBpc-EUC-H", "GBpc-EUC-V", "GBT-EUC-H", "GBT-EUC-V", "GBK2K-H", "GBK2K-V",
          "UniGB-UTF32-H", "UniGB-UTF32-V", "UniGB-UTF8-H", "UniGB-UTF8-V", "Adobe-GB1-UCS2"]:
    gz("cmap/" + n + ".gz", open(os.path.join(cmap_dir, n), "rb").read())

# CID to Unicode for the other CJK collections, so non-embedded CJK fonts without ToUnicode still map.
for coll in ["Adobe-CNS1", "Adobe-Japan1", "Adobe-Korea1"]:
    gz("cmap/" + coll + "-UCS2.gz", open("/usr/share/poppler/cMap/%s/%s-UCS2" % (coll, coll), "rb").read())

# The 391 standard strings of the Compact Font Format (Adobe TN 5176, Appendix A).
from fontTools.cffLib import cffStandardStrings
gz("cff-standard-strings.txt.gz", ("\n".join(cffStandardStrings) + "\n").encode("ascii"))

# poppler-data's CID to Unicode table for Adobe-GB1 (GPL-2, Glyph & Cog): poppler's text output uses it,
# so the reader agrees with pdftotext on fonts without ToUnicode (it differs from Adobe-GB1-UCS2 for ~400 CIDs).
gz("cid2unicode/Adobe-GB1.gz", open("/usr/share/poppler/cidToUnicode/Adobe-GB1", "rb").read())
