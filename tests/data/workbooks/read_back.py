"""The independent read-back of make_workbooks.py: each workbook's cells read with zipfile and
xml.etree only (shared strings resolved, .ods repeated cells expanded), sharing no code with
the writer, so a file that does not hold what the writer meant is caught when it is made."""
import xml.etree.ElementTree as ET
import zipfile


def col_letters(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


X = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def read_back_xlsx(path):
    """{sheet name: {(row, col): text of <v> or the shared string}} by zipfile + ElementTree."""
    with zipfile.ZipFile(path) as z:
        # The text of an <si>: its own <t> and the <t> of each run <r>, in order; phonetic
        # runs <rPh> are not text (ECMA-376 part 1, 18.4.8).
        sst = ["".join((t.text or "") for part in si
                       for t in ([part] if part.tag == X + "t" else part.findall(X + "t")
                                 if part.tag == X + "r" else []))
               for si in ET.fromstring(z.read("xl/sharedStrings.xml"))]
        names = [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).iter(X + "sheet")]
        out = {}
        for i, name in enumerate(names):
            cells = {}
            for c in ET.fromstring(z.read(f"xl/worksheets/sheet{i + 1}.xml")).iter(X + "c"):
                if c.get("t") == "inlineStr":
                    cells[c.get("r")] = c.find(X + "is").find(X + "t").text or ""
                    continue
                v = c.find(X + "v")
                if v is None:
                    continue
                cells[c.get("r")] = sst[int(v.text)] if c.get("t") == "s" else v.text
            out[name] = cells
        return out


def read_back_ods(path):
    """{sheet name: {A1 ref: office:value / string-value / text}}, repeated cells expanded."""
    t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    o = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    p = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("content.xml"))
    out = {}
    for table in root.iter(t + "table"):
        cells, r = {}, 0
        for row in table.iter(t + "table-row"):
            c = 0
            for cell in row.iter(t + "table-cell"):
                rep = int(cell.get(t + "number-columns-repeated", "1"))
                kind = cell.get(o + "value-type")
                value = (cell.get(o + "value") or cell.get(o + "date-value")
                         or cell.get(o + "boolean-value") or cell.get(o + "string-value")
                         or "\n".join(x.text or "" for x in cell.findall(p)))
                if kind:
                    for k in range(rep):
                        cells[f"{col_letters(c + k)}{r + 1}"] = value
                c += rep
            r += int(row.get(t + "number-rows-repeated", "1"))
        out[table.get(t + "name")] = cells
    return out
