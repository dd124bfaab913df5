"""A minimal PDF writer for scanned pages: each page one image, drawn over the whole page, stored as the
bytes it already has (JPEG as DCTDecode, a CCITT G4 strip from a TIFF as CCITTFaxDecode), so the PDF holds
exactly the scan that was made, as a scanner's PDF does.

    write_pdf(path, [Page(...), ...])
    g4_strip(tiff_bytes) -> (data, width, height, black_is_1)
"""
import struct
from dataclasses import dataclass


@dataclass
class Page:
    data: bytes          # the image's encoded bytes
    filter: str          # "DCTDecode" or "CCITTFaxDecode"
    width: int           # pixels
    height: int
    grey: bool           # DeviceGray (else DeviceRGB); CCITT is always grey, 1 bit
    dpi: float           # the page is width/dpi × height/dpi inches
    black_is_1: bool = False


def g4_strip(tiff: bytes):
    """The one strip of a single-strip CCITT G4 TIFF (ImageMagick with tiff:rows-per-strip set to the
    height): its bytes, width, height, and whether 1 means black (PhotometricInterpretation 1)."""
    little = tiff[:2] == b"II"
    e = "<" if little else ">"
    ifd = struct.unpack(e + "I", tiff[4:8])[0]
    count = struct.unpack(e + "H", tiff[ifd:ifd + 2])[0]
    tags = {}
    for i in range(count):
        at = ifd + 2 + 12 * i
        tag, typ, n = struct.unpack(e + "HHI", tiff[at:at + 8])
        raw = tiff[at + 8:at + 12]
        value = struct.unpack(e + "H", raw[:2])[0] if typ == 3 else struct.unpack(e + "I", raw)[0]
        tags[tag] = (value, n)
    if tags[259][0] != 4:
        raise ValueError("not a CCITT G4 TIFF")
    if tags[273][1] != 1:
        raise ValueError("more than one strip")
    offset, length = tags[273][0], tags[279][0]
    return tiff[offset:offset + length], tags[256][0], tags[257][0], tags.get(262, (0, 1))[0] == 1


def write_pdf(path, pages):
    objects = []          # bodies, object i+1 at index i

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    tree = add(None)
    kids = []
    for p in pages:
        w_pt, h_pt = p.width * 72 / p.dpi, p.height * 72 / p.dpi
        if p.filter == "CCITTFaxDecode":
            parms = f"/DecodeParms << /K -1 /Columns {p.width} /Rows {p.height} /BlackIs1 {'true' if p.black_is_1 else 'false'} >>"
            head = (f"<< /Type /XObject /Subtype /Image /Width {p.width} /Height {p.height} /ColorSpace /DeviceGray "
                    f"/BitsPerComponent 1 /Filter /CCITTFaxDecode {parms} /Length {len(p.data)} >>")
        else:
            space = "/DeviceGray" if p.grey else "/DeviceRGB"
            head = (f"<< /Type /XObject /Subtype /Image /Width {p.width} /Height {p.height} /ColorSpace {space} "
                    f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(p.data)} >>")
        image = add(head.encode() + b"\nstream\n" + p.data + b"\nendstream")
        content = f"q {w_pt:.2f} 0 0 {h_pt:.2f} 0 0 cm /Im0 Do Q".encode()
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        page = add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {w_pt:.2f} {h_pt:.2f}] "
                   f"/Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {stream} 0 R >>".encode())
        kids.append(page)
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()
    objects[tree - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for o in offsets:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)
