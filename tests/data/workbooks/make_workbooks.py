#!/usr/bin/env python3
"""Writes the test workbooks of tests/graphs/read_workbook_test.cpp (run from anywhere:
`python3 tests/data/workbooks/make_workbooks.py`; needs only the Python standard library).

No spreadsheet program is installed here, so the .xlsx (ECMA-376 SpreadsheetML) and .ods
(OpenDocument 1.2) files are written by hand, as small as the formats allow: zipfile with a
fixed timestamp, so the output is byte-for-byte reproducible. At the end each workbook's
cells are read back with an independent reader (read_back.py: zipfile + xml.etree, shared
strings resolved, .ods repeated cells expanded) and compared with what was meant to be written.

The CORDIS workbooks hold examples/cordis_ee_climate/data/{nodes,edges}.csv as sheets 'nodes'
and 'edges', cells that read as numbers written as number cells (as a spreadsheet program does
when it opens the CSV), empty fields as absent cells, the rest as text.
"""
import csv
import os
import sys
import zipfile
from xml.sax.saxutils import escape

from read_back import read_back_ods, read_back_xlsx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
STAMP = (2024, 1, 1, 0, 0, 0)


def col_letters(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


class F:
    """A formula cell: expression and cached result (number, str, bool or None = not saved)."""

    def __init__(self, expr, cached):
        self.expr, self.cached = expr, cached


class D:
    """An .xlsx number cell with a cell format (index into STYLES' cellXfs) / an .ods date."""

    def __init__(self, value, xf=1, iso=None):
        self.value, self.xf, self.iso = value, xf, iso


class Note:
    """An .ods text cell with a cell comment (office:annotation) holding `comment`."""

    def __init__(self, text, comment):
        self.text, self.comment = text, comment


class SI:
    """An .xlsx shared string written as the given <si> content (rich-text runs, phonetic
    runs), and the text it holds."""

    def __init__(self, xml, text):
        self.xml, self.text = xml, text


class IS:
    """An .xlsx inline-string cell (t="inlineStr") among shared-string cells."""

    def __init__(self, text):
        self.text = text


STYLED_EMPTY = object()  # a cell with a style and no value (Excel writes these at table ends)


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w") as z:
        for name, data, compress in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            z.writestr(info, data)


# ---- .xlsx ----------------------------------------------------------------------------------

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd hh:mm"/>
<numFmt numFmtId="165" formatCode="[h]:mm"/><numFmt numFmtId="166" formatCode="&quot;day&quot; 0"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""


def xlsx_number(v):
    return repr(float(v)) if isinstance(v, float) else str(v)


def write_xlsx(path, sheets, date1904=False, inline=False, sst_target="sharedStrings.xml",
               second_sst=None):
    """second_sst: the one string of a second shared-strings part (which no workbook may have)."""
    strings, index = [], {}

    def sst(s):
        key = ("si", s.xml) if isinstance(s, SI) else s
        if key not in index:
            index[key] = len(strings)
            strings.append(s)
        return index[key]

    sheet_xml = []
    for _, rows in sheets:
        out = []
        for r, row in enumerate(rows):
            cells = []
            for c, v in enumerate(row):
                ref = f'{col_letters(c)}{r + 1}'
                if v is None:
                    continue
                if v is STYLED_EMPTY:
                    cells.append(f'<c r="{ref}" s="4"/>')
                elif isinstance(v, bool):
                    cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
                elif isinstance(v, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{xlsx_number(v)}</v></c>')
                elif isinstance(v, IS):
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v.text)}</t></is></c>')
                elif isinstance(v, SI):
                    cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
                elif isinstance(v, str):
                    if inline:
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
                    else:
                        cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
                elif isinstance(v, D):
                    cells.append(f'<c r="{ref}" s="{v.xf}"><v>{xlsx_number(v.value)}</v></c>')
                elif isinstance(v, F):
                    f = f"<f>{escape(v.expr)}</f>"
                    if v.cached is None:
                        cells.append(f'<c r="{ref}">{f}</c>')
                    elif isinstance(v.cached, bool):
                        cells.append(f'<c r="{ref}" t="b">{f}<v>{int(v.cached)}</v></c>')
                    elif isinstance(v.cached, str):
                        cells.append(f'<c r="{ref}" t="str">{f}<v>{escape(v.cached)}</v></c>')
                    else:
                        cells.append(f'<c r="{ref}">{f}<v>{xlsx_number(v.cached)}</v></c>')
            if cells:
                out.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
        sheet_xml.append(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{"".join(out)}</sheetData></worksheet>')

    n = len(sheets)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(n))
          + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          + ('<workbookPr date1904="1"/>' if date1904 else '')
          + '<sheets>'
          + "".join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (name, _) in enumerate(sheets))
          + '</sheets></workbook>')
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(n))
               + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="{sst_target}"/>'
               + (f'<Relationship Id="rId{n + 3}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings2.xml"/>'
                  if second_sst is not None else '')
               + f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
               '</Relationships>')
    ss = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
          + "".join(f'<si>{s.xml}</si>' if isinstance(s, SI) else
                    f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
          + '</sst>')
    entries = [("[Content_Types].xml", ct, True), ("_rels/.rels", rels, True),
               ("xl/workbook.xml", wb, True), ("xl/_rels/workbook.xml.rels", wb_rels, True),
               ("xl/sharedStrings.xml", ss, True), ("xl/styles.xml", STYLES, True)]
    entries += [(f"xl/worksheets/sheet{i + 1}.xml", x, True) for i, x in enumerate(sheet_xml)]
    if second_sst is not None:
        entries.append(("xl/sharedStrings2.xml",
                        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                        f'<si><t>{escape(second_sst)}</t></si></sst>', True))
    write_zip(path, entries)


# ---- .ods -----------------------------------------------------------------------------------

ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def ods_cell(v):
    if v is None or v is STYLED_EMPTY:
        return '<table:table-cell/>'
    if isinstance(v, bool):
        return (f'<table:table-cell office:value-type="boolean" office:boolean-value='
                f'"{str(v).lower()}"><text:p>{str(v).upper()}</text:p></table:table-cell>')
    if isinstance(v, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{xlsx_number(v)}">'
                f'<text:p>{xlsx_number(v)}</text:p></table:table-cell>')
    if v == "":  # an empty text cell as a Python writer may save it
        return '<table:table-cell office:value-type="string"><text:p/></table:table-cell>'
    if isinstance(v, str):
        paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in v.split("\n"))
        return f'<table:table-cell office:value-type="string">{paras}</table:table-cell>'
    if isinstance(v, Note):
        return (f'<table:table-cell office:value-type="string"><office:annotation>'
                f'<dc:creator>tester</dc:creator><text:p>{escape(v.comment)}</text:p>'
                f'</office:annotation><text:p>{escape(v.text)}</text:p></table:table-cell>')
    if isinstance(v, D):
        return (f'<table:table-cell office:value-type="date" office:date-value="{v.iso}">'
                f'<text:p>{v.iso}</text:p></table:table-cell>')
    if isinstance(v, F):
        f = f'table:formula="of:={escape(v.expr, {chr(34): "&quot;"})}"'
        if isinstance(v.cached, str):
            return (f'<table:table-cell {f} office:value-type="string" office:string-value='
                    f'"{escape(v.cached)}"><text:p>{escape(v.cached)}</text:p></table:table-cell>')
        return (f'<table:table-cell {f} office:value-type="float" office:value="'
                f'{xlsx_number(v.cached)}"><text:p>{xlsx_number(v.cached)}</text:p></table:table-cell>')
    raise TypeError(v)


def write_ods(path, sheets):
    tables = []
    for name, rows in sheets:
        width = max((len(r) for r in rows), default=0)
        out = []
        for row in rows:
            cells = "".join(ods_cell(v) for v in row)
            # LibreOffice fills each row and the sheet out to its full size with repeated cells.
            cells += f'<table:table-cell table:number-columns-repeated="{1024 - len(row)}"/>'
            out.append(f"<table:table-row>{cells}</table:table-row>")
        out.append('<table:table-row table:number-rows-repeated="1048000">'
                   '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
        tables.append(f'<table:table table:name="{escape(name)}">'
                      f'<table:table-column table:number-columns-repeated="{max(width, 1)}"/>'
                      f'{"".join(out)}</table:table>')
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               f'<office:document-content {ODS_NS} office:version="1.2">'
               f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet>'
               '</office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.spreadsheet", False),
                     ("META-INF/manifest.xml", manifest, True), ("content.xml", content, True)])


# ---- what the independent read-back (read_back.py) must find ---------------------------------

def expected_cells(sheets, ods):
    """What the writer meant, in the read-back's terms."""
    out = {}
    for name, rows in sheets:
        cells = {}
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                ref = f"{col_letters(c)}{r + 1}"
                if v is None or v is STYLED_EMPTY:
                    continue
                if isinstance(v, bool):
                    cells[ref] = str(v).lower() if ods else str(int(v))
                elif isinstance(v, (int, float)):
                    cells[ref] = xlsx_number(v)
                elif isinstance(v, D):
                    cells[ref] = v.iso if ods else xlsx_number(v.value)
                elif isinstance(v, (Note, SI, IS)):
                    cells[ref] = v.text
                elif isinstance(v, F):
                    if v.cached is not None:
                        cells[ref] = (v.cached if isinstance(v.cached, str) else
                                      str(int(v.cached)) if isinstance(v.cached, bool) else
                                      xlsx_number(v.cached))
                else:
                    cells[ref] = v
        out[name] = cells
    return out


def check(path, sheets, ods=False):
    got = read_back_ods(path) if ods else read_back_xlsx(path)
    want = expected_cells(sheets, ods)
    if got != want:
        sys.exit(f"{path}: read back differs:\n got {got}\nwant {want}")
    print(f"checked {os.path.relpath(path, ROOT)}: "
          + ", ".join(f"{n} {len(c)} cells" for n, c in got.items()))


# ---- the workbooks --------------------------------------------------------------------------

# Toy cluster (tests/data/render/toy) with a cell of every kind. Column 'focal' holds booleans,
# 'founded' a date (serial 44256 = 2021-03-01 in the 1900 system), 'score' a formula with its
# cached number, 'size' numbers; G is an empty header column with a styled empty cell (Excel's
# trailing columns), and the styled empty row 8 is a trailing empty row.
TOY_NODES = [
    ["Id", "Label", "part", "type", "locality", "focal", "founded", "score", "size", None],
    ["f1", "Firm One", "core", "firm", "local", True, D(44256), F("I2*2", 5), 2.5, STYLED_EMPTY],
    ["f2", "Firm Two", "core", "firm", "local", False, D(44256.5, 2), F("I3*2", 0.2), 0.1],
    ["u", "University", "assisting", "university", "local", False, None, None, 1e-7],
    ["g1", "Global One", "external", "firm", "global", False, None, None, 12345678901234567],
    ["g2", "Global Lab", "external", "research", "global", False, None, None, -3],
    [],
    [STYLED_EMPTY, STYLED_EMPTY],
]
TOY_EDGES = [
    ["Source", "Target", "Weight", "kind"],
    ["f1", "f2", 2, F('IF(C2>1,"strong","weak")', "strong")],
    ["f1", "u", 1, "weak"],
    ["f2", "g1", 3, "strong"],
    ["u", "g2", F("0.5+0.5", 1), "weak"],
]
TOY_NOTES = [["Toy cluster of tests/data/render/toy with one cell of each kind."]]

# The .ods toy: no boolean column (liborcus 0.17 does not read .ods booleans), dates as .ods
# dates, and the tie 'kind' formula with a number result.
TOY_NODES_ODS = [
    ["Id", "Label", "part", "type", "locality", "founded", "score", "size"],
    ["f1", "Firm One", "core", "firm", "local", D(0, iso="2021-03-01"), F("[.H2]*2", 5), 2.5],
    ["f2", "Firm Two", "core", "firm", "local", D(0, iso="2021-03-01T12:00:00"), F("[.H3]*2", 0.2), 0.1],
    ["u", "University", "assisting", "university", "local", None, None, 1e-7],
    ["g1", "Global One", "external", "firm", "global", None, None, 12345678901234567],
    ["g2", "Global Lab", "external", "research", "global", None, None, -3],
]
TOY_EDGES_ODS = [
    ["Source", "Target", "Weight", "kind"],
    ["f1", "f2", 2, "strong"],
    ["f1", "u", 1, "weak"],
    ["f2", "g1", 3, "strong"],
    ["u", "g2", F("0.5+0.5", 1), "weak"],
]

DATES = [
    ["what", "value"],
    ["builtin 14", D(44256, 1)],          # 2021-03-01
    ["custom datetime", D(44256.75, 2)],  # 2021-03-01 18:00
    ["time alone", D(0.5, 2)],            # 12:00:00
    ["duration [h]:mm", D(1.5, 3)],       # a number: 1.5
    ["quoted 'day' 0", D(7, 4)],          # a number: 7
    ["before March 1900", D(59, 1)],      # Excel shows 1900-02-28
]

# The regression workbook empty_strings.xlsx (found with a file openpyxl wrote): each note is
# what its cell holds; a comment gives what liborcus 0.17 alone made of it (the shared string
# written before each entry without text is non-empty, so the old reading shows).
EMPTY_STRINGS = [
    ["source", "target", "note"],
    ["a", "b", "x"],
    ["b", "c", ""],  # <si><t xml:space="preserve"></t></si>: was read as "c"
    ["c", "d", "y"],
    ["d", "e", SI('<r><rPr><b/></rPr><t xml:space="preserve"></t></r><r><t/></r>', "")],  # "ee"
    ["e", "f", SI('<r><rPr><b/></rPr><t>p</t></r><r><t></t></r><r><t>q</t></r>', "pq")],  # "ppq"
    ["f", "g", " "],  # only a space, xml:space="preserve"
    ["g", "h", SI('<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>'
                  '<phoneticPr fontId="0" type="noConversion"/>', "東京")],  # "トウキョウ"
    ["h", "i", SI("<t/>", "")],  # "i"
    ["i", "j", "z"],
    ["j", "k", SI("", "")],  # <si></si>: "k"
]
# The same table in .ods: empty text cells as <text:p/> (no rich text or phonetic runs there);
# without the space-only row, which ODF's white-space rules (ODF 1.2 part 1, 6.1.2) read apart.
EMPTY_STRINGS_ODS = [row[:2] + [row[2].text if isinstance(row[2], SI) else row[2]]
                     for row in EMPTY_STRINGS if row[2] != " "]


def csv_sheet(path):
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            out = []
            for v in row:
                if v == "":  # an empty field opens as an empty cell, which is not stored
                    out.append(None)
                    continue
                try:
                    n = int(v)
                except ValueError:
                    try:
                        n = float(v)
                    except ValueError:
                        n = v
                out.append(n)
            rows.append(out)
    return rows


def main():
    out = HERE
    made = []

    def xlsx(name, sheets, **kw):
        path = os.path.join(out, name)
        write_xlsx(path, sheets, **kw)
        made.append((path, sheets, False))

    def ods(name, sheets):
        path = os.path.join(out, name)
        write_ods(path, sheets)
        made.append((path, sheets, True))

    xlsx("toy.xlsx", [("nodes", TOY_NODES), ("edges", TOY_EDGES), ("notes", TOY_NOTES)])
    ods("toy.ods", [("Actors", TOY_NODES_ODS), ("Ties", TOY_EDGES_ODS)])
    xlsx("pair_nodes.xlsx", [("Sheet1", TOY_NODES)])
    xlsx("pair_edges.xlsx", [("Sheet1", TOY_EDGES)])
    xlsx("edges_only.xlsx", [("Sheet1", TOY_EDGES)])
    xlsx("dates.xlsx", [("dates", DATES)])
    xlsx("dates1904.xlsx", [("dates", [["what", "value"], ["builtin 14", D(0, 1)]])], date1904=True)
    cordis = os.path.join(ROOT, "examples", "cordis_ee_climate", "data")
    cordis_sheets = [("nodes", csv_sheet(os.path.join(cordis, "nodes.csv"))),
                     ("edges", csv_sheet(os.path.join(cordis, "edges.csv")))]
    xlsx("cordis_ee_climate.xlsx", cordis_sheets)
    ods("cordis_ee_climate.ods", cordis_sheets)
    # Gephi's matrix.csv (../shared/corpus/csv/adjacency_matrix.csv) typed into a sheet: an
    # adjacency matrix with labels in the first row and column, an empty corner cell.
    MATRIX = [[None, "A", "B", "C", "D", "E"],
              ["A", 0, 1, 0, 2, 0],
              ["B", 1, 0, 0, 0, 0],
              ["C", 0, 0, 1, 0, 0],
              ["D", 0, 3.5, 0, 4.2, 0],
              ["E", 0, 0, 0, 0, 0]]
    xlsx("matrix.xlsx", [("advice", MATRIX)])
    ods("matrix.ods", [("advice", MATRIX)])

    # Shared strings without text, or with runs: liborcus 0.17 hands on the text of the entry
    # before one without text, and a phonetic run's text instead of the entry's
    # (graphs/workbook_strings.cpp). Each note below is the text its cell holds.
    xlsx("empty_strings.xlsx", [("edges", EMPTY_STRINGS)])
    ods("empty_strings.ods", [("edges", EMPTY_STRINGS_ODS)])
    # The relationship to the shared strings from the package root ("/xl/sharedStrings.xml",
    # valid OPC), which liborcus 0.17 does not follow.
    xlsx("strings_root_target.xlsx", [("edges", [["source", "target", "note"], ["a", "b", ""],
                                                 ["b", "c", "x"]])],
         sst_target="/xl/sharedStrings.xml")

    # Refusals.
    xlsx("bad_header_gap.xlsx", [("edges", [["Source", None, "Weight"], ["a", "b", 1]])])
    xlsx("bad_duplicate.xlsx", [("edges", [["Source", "Target", "source"], ["a", "b", "c"]])])
    xlsx("bad_outside.xlsx", [("edges", [["Source", "Target"], ["a", "b"], ["c", "d", None, "x"]])])
    xlsx("bad_formula.xlsx", [("edges", [["Source", "Target", "Weight"], ["a", "b", F("1/0", None)]])])
    xlsx("bad_formula_bool.xlsx", [("edges", [["Source", "Target", "ok"], ["a", "b", F("1>0", True)]])])
    xlsx("bad_inline.xlsx", [("edges", [["Source", "Target"], ["a", "b"]])], inline=True)
    xlsx("bad_inline_empty.xlsx", [("edges", [["Source", "Target", "note"], ["a", "b", IS("")]])])
    xlsx("bad_two_string_parts.xlsx", [("edges", [["Source", "Target"], ["a", "b"]])],
         second_sst="q")
    xlsx("bad_sheets.xlsx", [("Sheet1", TOY_NODES), ("Sheet2", TOY_EDGES)])
    ods("comment.ods", [("edges", [["Source", "Target", "note"],
                                   ["a", "b", Note("checked", "asked by phone & mail")]])])
    ods("bad_boolean.ods", [("edges", [["Source", "Target", "focal"], ["a", "b", True]])])
    ods("bad_text_formula.ods", [("edges", [["Source", "Target", "kind"], ["a", "b", F('"x"&"y"', "xy")]])])
    ods("bad_two_lines.ods", [("edges", [["Source", "Target", "note"], ["a", "b", "one\ntwo"]])])
    # A shared string in Latin-1, not UTF-8 ("café" with the byte E9): not XML, so not read back.
    path = os.path.join(out, "bad_strings_utf8.xlsx")
    write_xlsx(path, [("edges", [["Source", "Target"], ["a", "café"]])])
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    write_zip(path, [(n, d.replace("café".encode(), b"caf\xe9") if n == "xl/sharedStrings.xml"
                      else d, True) for n, d in parts])
    # A truncated download: the first 600 bytes of toy.xlsx.
    with open(os.path.join(out, "toy.xlsx"), "rb") as f:
        head = f.read(600)
    with open(os.path.join(out, "bad_truncated.xlsx"), "wb") as f:
        f.write(head)
    # Only the OLE2 compound-file signature (what an encrypted .xlsx or an .xls starts with),
    # then zeros: enough for the reader's check; no encryption program is available here.
    with open(os.path.join(out, "bad_ole2.xlsx"), "wb") as f:
        f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))

    for path, sheets, is_ods in made:
        check(path, sheets, is_ods)


if __name__ == "__main__":
    main()
