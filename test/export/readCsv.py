# Reads a Hashiya CSV export the way a researcher would (Python's csv module) and slices each
# row's span out of the exported canonical text, in code points. Prints JSON for the test.
import csv, json, os, sys

csv_path, text_dir = sys.argv[1], sys.argv[2]
raw = open(csv_path, 'rb').read()
with open(csv_path, encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f, strict=True))
header, records = rows[0], []
texts = {}
for r in rows[1:]:
    d = dict(zip(header, r))
    d['_width'] = len(r)
    doc = d['document_id']
    if doc not in texts:
        with open(os.path.join(text_dir, doc + '.txt'), encoding='utf-8', newline='') as t:
            texts[doc] = t.read()
    text = texts[doc]
    start, end = int(d['start']), int(d['end'])
    quote = d['quote'][1:] if d['quote'].startswith("'") else d['quote']
    d['_slice'] = text[start:end]
    d['_slice_ok'] = text[start:end] == quote
    d['_slice_utf8_hex'] = text[start:end].encode('utf-8').hex()
    records.append(d)
print(json.dumps({'bom': raw[:3] == b'\xef\xbb\xbf', 'header': header, 'rows': records}, ensure_ascii=False))
