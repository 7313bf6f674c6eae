# A ledger sheet of about BYTES of XML (default just under the 256 MiB inflate cap), every data cell a number:
# python3 scripts/cap-ledger.py BYTES OUT.xlsx [ROWS]. Used for the memory figures in docs/RELIABILITY.md.
import zipfile, sys
cols="ABCDEFGHIJKL"
ROWS=int(sys.argv[3]) if len(sys.argv)>3 else 1048575
target=int(sys.argv[1]) if len(sys.argv)>1 else 255*1024*1024
hdr=['序号','任务编号','任务类别','重点任务','责任单位','责任人','完成时限','推进状态','完成进度','完成时间','佐证材料','备注']
def sheet():
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    yield '<row r="1">'+''.join(f'<c r="{cols[i]}1" t="inlineStr"><is><t>{h}</t></is></c>' for i,h in enumerate(hdr))+'</row>'
    size=0; r=2
    while True:
        s=f'<row r="{r}">'+''.join(f'<c r="{c}{r}"><v>{r%97}</v></c>' for c in cols)+'</row>'
        size+=len(s)
        if size>target-200000 or r>ROWS: break
        yield s; r+=1
    yield '</sheetData></worksheet>'
wb='<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
rels='<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
root='<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
ct='<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
with zipfile.ZipFile(sys.argv[2] if len(sys.argv)>2 else 'cap.xlsx','w',zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml',ct); z.writestr('_rels/.rels',root); z.writestr('xl/workbook.xml',wb); z.writestr('xl/_rels/workbook.xml.rels',rels)
    with z.open('xl/worksheets/sheet1.xml','w',force_zip64=False) as f:
        for s in sheet(): f.write(s.encode())
