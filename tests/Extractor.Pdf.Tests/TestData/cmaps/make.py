#!/usr/bin/env python3
"""Writes the predefined-CMap test PDFs and checks them against poppler.

One PDF per Adobe character collection; each page shows a few lines in a non-embedded CID font (no
ToUnicode, no font program) whose /Encoding names one predefined CMap, so the text is reachable only
through that CMap and the collection's CID -> Unicode table. The expected text of each PDF is what
`pdftotext -raw` (content-stream order) prints, recorded once in <name>.txt; running this script again
rebuilds the PDFs byte for byte and fails when pdftotext no longer prints the recorded text.

    /usr/bin/python3 make.py            # write the PDFs, compare with the recorded text
    /usr/bin/python3 make.py --record   # write the PDFs and (re)record the text from pdftotext
Needs only the Python standard library and poppler-utils (pdftotext, with poppler-data installed).
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def utf16(s):
    return s.encode("utf-16-be")


def utf32(s):
    return s.encode("utf-32-be")


def utf8(s):
    return s.encode("utf-8")


def codec(name):
    return lambda s: s.encode(name)


# Each family: its ordering, supplement, a font name the reader will not find embedded, the widths of
# its proportional and half-width CIDs, and the pages: (CMap, encoder, lines, vertical).
FAMILIES = {
    "gb1": ("GB1", 5, "STSong-Light", "[1 95 500 814 939 500]", [
        ("GBK-EUC-H", codec("gbk"), ["GBK-EUC-H: 财政项目支出绩效自评表", "预算数：1,234.56万元　执行率98.5%",
                                      "（一）产出指标 ≥90% 〔合格〕"], False),
        ("GB-EUC-H", codec("gb2312"), ["GB-EUC-H: 项目名称　绩效目标", "年度指标值 100%"], False),
        ("UniGB-UTF16-H", utf16, ["UniGB-UTF16-H: 财政项目支出绩效自评表", "满意度指标：≥95%，实际完成96%。",
                                   "𠀀 U+20000"], False),
        ("UniGB-UCS2-H", utf16, ["UniGB-UCS2-H: 偏差原因及改进措施"], False),
        ("GBK-EUC-V", codec("gbk"), ["竖排：绩效（一）。"], True),
    ]),
    "cns1": ("CNS1", 7, "MSung-Light", "[1 98 500 13648 13742 500 17601 17601 500]", [
        ("B5pc-H", codec("big5"), ["B5pc-H: 財政項目支出績效自評表", "預算數：1,234.56萬元　執行率98.5%",
                                    "臺灣 「測試」 …"], False),
        ("ETen-B5-H", codec("big5"), ["ETen-B5-H: 績效目標 年度指標值"], False),
        ("UniCNS-UTF16-H", utf16, ["UniCNS-UTF16-H: 財政項目支出績效自評表", "滿意度指標：≥95%，實際完成96%。",
                                    "𠀋𡈽 HKSCS"], False),
        ("UniCNS-UCS2-H", utf16, ["UniCNS-UCS2-H: 偏差原因及改進措施"], False),
        ("B5pc-V", codec("big5"), ["直排：績效（一）。"], True),
    ]),
    "japan1": ("Japan1", 7, "HeiseiMin-W3", "[1 95 500 231 632 500]", [
        ("90ms-RKSJ-H", codec("cp932"), ["90ms-RKSJ-H: 財政支出の自己評価表", "予算額：1,234万円　執行率 98.5%",
                                          "ｶﾀｶﾅ ～ 「評価」 ①②"], False),
        ("UniJIS-UCS2-H", utf16, ["UniJIS-UCS2-H: 財政支出の自己評価表", "予算額：1,234万円　執行率 98.5%"], False),
        ("UniJIS-UTF16-H", utf16, ["UniJIS-UTF16-H: 𠮟る 髙橋"], False),
        ("UniJIS-UTF8-H", utf8, ["UniJIS-UTF8-H: 事業評価 ﾃｽﾄ"], False),
        ("90ms-RKSJ-V", codec("cp932"), ["縦書き「テスト」ー。"], True),
        ("UniJIS-UCS2-V", utf16, ["縦書き（評価）、完了。"], True),
    ]),
    "korea1": ("Korea1", 2, "HYSMyeongJo-Medium", "[1 100 500 8094 8190 500]", [
        ("KSC-EUC-H", codec("euc_kr"), ["KSC-EUC-H: 재정 지출 성과 자체 평가표", "예산액: 1,234만원　집행률 98.5%",
                                         "韓國 「시험」 ㈜"], False),
        ("KSCms-UHC-H", codec("cp949"), ["KSCms-UHC-H: 똠방각하 펲"], False),
        ("UniKS-UCS2-H", utf16, ["UniKS-UCS2-H: 재정 지출 성과 자체 평가표", "만족도 지표: ≥95%"], False),
        ("UniKS-UTF32-H", utf32, ["UniKS-UTF32-H: 성과 목표"], False),
        ("KSC-EUC-V", codec("euc_kr"), ["세로쓰기「시험」。"], True),
    ]),
}


class Writer:
    """Numbered objects, a classic cross-reference table; no compression, so the files stay readable."""

    def __init__(self):
        self.objects = []

    def add(self, body):
        self.objects.append(body if isinstance(body, bytes) else body.encode("latin-1"))
        return len(self.objects)

    def reserve(self):
        return self.add(b"null")

    def set(self, num, body):
        self.objects[num - 1] = body.encode("latin-1")

    def stream(self, data):
        return self.add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")

    def build(self, root):
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        start = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(self.objects) + 1, root, start)
        return bytes(out)


def build(ordering, supplement, font_name, widths, pages):
    w = Writer()
    pages_num = w.reserve()
    descriptor = w.add(f"<< /Type /FontDescriptor /FontName /{font_name} /Flags 6 /FontBBox [-100 -150 1100 900] "
                       f"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid_font = w.add(f"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /{font_name} /CIDSystemInfo << /Registry (Adobe) "
                     f"/Ordering ({ordering}) /Supplement {supplement} >> /FontDescriptor {descriptor} 0 R "
                     f"/DW 1000 /W {widths} /DW2 [880 -1000] >>")
    kids = []
    for cmap, encode, lines, vertical in pages:
        font = w.add(f"<< /Type /Font /Subtype /Type0 /BaseFont /{font_name}-{cmap} /Encoding /{cmap} "
                     f"/DescendantFonts [{cid_font} 0 R] >>")
        ops = []
        for i, line in enumerate(lines):
            # Horizontal lines run down the page; a vertical line is a column, and columns run right to left.
            x, y = (360 - 40 * i, 270) if vertical else (30, 270 - 24 * i)
            ops.append(b"BT /F1 14 Tf 1 0 0 1 %d %d Tm <%s> Tj ET" % (x, y, encode(line).hex().upper().encode()))
        content = w.stream(b"\n".join(ops) + b"\n")
        kids.append(w.add(f"<< /Type /Page /Parent {pages_num} 0 R /MediaBox [0 0 400 300] "
                          f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"))
    w.set(pages_num, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>")
    root = w.add(f"<< /Type /Catalog /Pages {pages_num} 0 R >>")
    return w.build(root)


def pdftotext(path):
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", path, "-"], check=True, capture_output=True).stdout.decode("utf-8")


def main():
    record = "--record" in sys.argv[1:]
    failed = False
    for name, (ordering, supplement, font_name, widths, pages) in FAMILIES.items():
        pdf = os.path.join(HERE, f"adobe-{name}.pdf")
        with open(pdf, "wb") as f:
            f.write(build(ordering, supplement, font_name, widths, pages))
        text = pdftotext(pdf)
        expected_path = os.path.join(HERE, f"adobe-{name}.txt")
        if record or not os.path.exists(expected_path):
            with open(expected_path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            print(f"{name}: recorded {expected_path}")
        elif open(expected_path, encoding="utf-8", newline="").read() != text:
            print(f"{name}: pdftotext no longer prints the recorded text of {pdf}", file=sys.stderr)
            failed = True
        else:
            print(f"{name}: pdftotext agrees with {expected_path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
