#!/usr/bin/env python3
"""Consistency check for tests/data/torture/expect.tsv (Python 3, standard library only).

Checks the table itself, not the parser:
  * header row and column count, 61 data rows, no duplicate files;
  * every file exists, every MANIFEST.tsv row has a table row (and no extra rows);
  * section / verdict / error columns agree with the MANIFEST and the policy;
  * via_count, call_id, cseq_number, cseq_method, content_length, body_len, kind, method,
    status are re-derived from the .dat bytes with a simple header scan (folding, compact
    forms, case-insensitive names, Via comma lists outside quotes and < >);
  * from/to URI and display cells, when given, occur in the re-derived header value.

Usage: python3 check_expect.py [path/to/expect.tsv]   (exit status 0 = consistent)
"""
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ['file', 'section', 'default', 'strict', 'error', 'kind', 'method', 'ruri',
           'status', 'via_count', 'call_id', 'cseq_number', 'cseq_method', 'content_length',
           'body_len', 'from_uri', 'from_display', 'to_uri', 'to_display']
ERRORS = {'START_LINE', 'VERSION', 'STATUS_CODE', 'HEADER_VALUE', 'URI', 'NUMBER_RANGE',
          'CONTENT_LENGTH', 'BODY_TRUNCATED', 'CSEQ_METHOD'}
# error code per rejected message, as fixed by the project's policy
POLICY_ERROR = {
    'scalar02': 'NUMBER_RANGE', 'scalarlg': 'NUMBER_RANGE', 'ncl': 'CONTENT_LENGTH',
    'clerr': 'BODY_TRUNCATED', 'bigcode': 'STATUS_CODE', 'badvers': 'VERSION',
    'mismatch01': 'CSEQ_METHOD', 'mismatch02': 'CSEQ_METHOD', 'ipv6-bad': 'URI',
    'escruri': 'URI', 'baddate': 'HEADER_VALUE', 'regbadct': 'HEADER_VALUE',
    'badaspec': 'HEADER_VALUE', 'badinv01': 'HEADER_VALUE', 'quotbal': 'HEADER_VALUE',
    'baddn': 'HEADER_VALUE', 'ltgtruri': 'START_LINE', 'lwsruri': 'START_LINE',
    'lwsstart': 'START_LINE', 'trws': 'START_LINE', 'mcl01': 'CONTENT_LENGTH',
}
LONG_NAME = {'v': 'via', 'i': 'call-id', 'l': 'content-length', 'f': 'from', 't': 'to'}
U32_MAX = 2 ** 32 - 1

problems = []


def bad(where, msg):
    problems.append('%s: %s' % (where, msg))


def decode_cell(cell):
    """Undo the TSV cell encoding (\\\\ -> backslash, \\xHH -> byte)."""
    out = bytearray()
    i = 0
    while i < len(cell):
        ch = cell[i]
        if ch == '\\':
            if cell[i + 1:i + 2] == '\\':
                out.append(0x5C)
                i += 2
                continue
            m = re.match(r'x([0-9a-f]{2})', cell[i + 1:i + 4])
            if not m:
                raise ValueError('bad escape in %r' % cell)
            out.append(int(m.group(1), 16))
            i += 4
            continue
        if not (0x20 <= ord(ch) < 0x7F):
            raise ValueError('raw non-printable character in %r' % cell)
        out.append(ord(ch))
        i += 1
    return bytes(out)


def scan(data):
    """Return (start_line, [(lower-case long name, unfolded trimmed value)], body or None)."""
    end = data.find(b'\r\n\r\n')
    if end < 0:
        head, body = data, None
    else:
        head, body = data[:end], data[end + 4:]
    lines = head.split(b'\r\n')
    start = lines[0]
    fields = []  # [name, value] with continuation lines merged
    for line in lines[1:]:
        if line[:1] in (b' ', b'\t'):
            if not fields:
                raise ValueError('continuation line before first header')
            fields[-1][1] = fields[-1][1].rstrip(b' \t') + b' ' + line.lstrip(b' \t')
            continue
        if line == b'':
            continue
        colon = line.find(b':')
        if colon < 0:
            raise ValueError('header line without colon: %r' % line)
        fields.append([line[:colon], line[colon + 1:]])
    out = []
    for name, value in fields:
        n = name.strip(b' \t').decode('latin-1').lower()
        n = LONG_NAME.get(n, n)
        out.append((n, value.strip(b' \t')))
    return start, out, body


def values(hdrs, name):
    return [v for n, v in hdrs if n == name]


def via_elements(value):
    """Count comma-separated elements not inside a quoted-string or < >."""
    count, in_quote, angle, i = 1, False, 0, 0
    while i < len(value):
        c = value[i:i + 1]
        if in_quote:
            if c == b'\\':
                i += 1
            elif c == b'"':
                in_quote = False
        elif c == b'"':
            in_quote = True
        elif c == b'<':
            angle += 1
        elif c == b'>':
            angle = max(0, angle - 1)
        elif c == b',' and angle == 0:
            count += 1
        i += 1
    return count


def enc(b):
    return ''.join('\\\\' if c == 0x5C else chr(c) if 0x20 <= c < 0x7F else '\\x%02x' % c
                   for c in b)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'expect.tsv')
    with open(path, 'rb') as fh:
        raw = fh.read()
    if b'\r' in raw:
        bad('expect.tsv', 'contains CR characters')
    lines = raw.decode('ascii').split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    data_lines = [ln for ln in lines if not ln.startswith('#')]
    if not data_lines or data_lines[0].split('\t') != COLUMNS:
        bad('expect.tsv', 'header row differs from %r' % COLUMNS)
        return
    rows = {}
    order = []
    for n, ln in enumerate(data_lines[1:], 2):
        cells = ln.split('\t')
        if len(cells) != len(COLUMNS):
            bad('row %d' % n, '%d columns, want %d' % (len(cells), len(COLUMNS)))
            continue
        if any(c == '' for c in cells):
            bad('row %d' % n, 'empty cell')
        r = dict(zip(COLUMNS, cells))
        if r['file'] in rows:
            bad(r['file'], 'duplicate row')
        rows[r['file']] = r
        order.append(r['file'])
    if len(order) != 61:
        bad('expect.tsv', '%d data rows, want 61' % len(order))

    manifest = {}
    for d, prefix in (('rfc4475', 'RFC 4475 '), ('rfc5118', 'RFC 5118 ')):
        with open(os.path.join(HERE, d, 'MANIFEST.tsv'), newline='') as fh:
            for m in csv.DictReader(fh, delimiter='\t'):
                m['section'] = prefix + m['rfc_section']
                manifest[d + '/' + m['file']] = m
    for f in manifest:
        if f not in rows:
            bad(f, 'MANIFEST row has no table row')
    for f in rows:
        if f not in manifest:
            bad(f, 'table row not in any MANIFEST')

    for f in order:
        r = rows[f]
        full = os.path.join(HERE, f)
        if not os.path.isfile(full):
            bad(f, 'file does not exist')
            continue
        m = manifest.get(f)
        stem = os.path.basename(f)[:-4]
        # ---- verdict columns against MANIFEST + policy
        if m:
            if r['section'] != m['section']:
                bad(f, 'section %r, MANIFEST says %r' % (r['section'], m['section']))
            exp = m['expected']
            if stem == 'mcl01':
                want = ('reject', 'reject')
            elif exp in ('valid', 'semantic'):
                want = ('ok', 'ok')
            elif exp == 'invalid':
                want = ('ok' if m['liberal_ok'] == 'yes' else 'reject', 'reject')
            else:
                want = None
                bad(f, 'unknown MANIFEST expected %r' % exp)
            if want and (r['default'], r['strict']) != want:
                bad(f, 'default/strict %s/%s, policy says %s/%s'
                    % (r['default'], r['strict'], want[0], want[1]))
        for col in ('default', 'strict'):
            if r[col] not in ('ok', 'reject'):
                bad(f, '%s=%r' % (col, r[col]))
        rejected = 'reject' in (r['default'], r['strict'])
        if rejected:
            if r['error'] not in ERRORS:
                bad(f, 'error %r is not an error code' % r['error'])
            if POLICY_ERROR.get(stem) and r['error'] != POLICY_ERROR[stem]:
                bad(f, 'error %s, policy says %s' % (r['error'], POLICY_ERROR[stem]))
        elif r['error'] != '-':
            bad(f, 'error %r on a row accepted in both modes' % r['error'])

        # ---- re-derive from the bytes
        data = open(full, 'rb').read()
        try:
            start, hdrs, body = scan(data)
        except ValueError as e:
            bad(f, 'scan failed: %s' % e)
            continue

        def check(col, want):
            if r[col] != want:
                bad(f, '%s: table %r, derived %r' % (col, r[col], want))

        if start.startswith(b'SIP/'):
            check('kind', 'response')
            check('method', '-')
            check('ruri', '-')
            code = start.split(b' ')[1]
            ok_code = re.fullmatch(rb'[0-9]{3}', code) is not None
            check('status', code.decode() if ok_code else '-')
        else:
            check('kind', 'request')
            check('status', '-')
            method = start.split(b' ', 1)[0]
            check('method', enc(method))
            # Request-URI: between the method's SP(s) and the last SP-run before the version
            m_ = re.fullmatch(rb'(\S+) +(.*?) +(SIP/\S+) *', start)
            if m_:
                check('ruri', enc(m_.group(2)))
            else:
                bad(f, 'start line not split: %r' % start)

        check('via_count', str(sum(via_elements(v) for v in values(hdrs, 'via'))))

        cid = values(hdrs, 'call-id')
        check('call_id', enc(cid[0]) if cid else '-')

        cseq = values(hdrs, 'cseq')
        if cseq:
            parts = cseq[0].split(None, 1)
            num = int(parts[0])
            check('cseq_number', str(num) if num <= U32_MAX else '-')
            check('cseq_method', enc(parts[1].strip()) if len(parts) > 1 else '-')
        else:
            check('cseq_number', '-')
            check('cseq_method', '-')

        cl = values(hdrs, 'content-length')
        clv = None
        if cl and re.fullmatch(rb'[0-9]+', cl[0]):
            clv = int(cl[0])
        check('content_length', str(clv) if clv is not None else '-')

        if r['default'] == 'reject':
            check('body_len', '-')
        elif body is None:
            bad(f, 'accepted by default but has no empty line')
        elif clv is not None:
            if clv > len(body):
                bad(f, 'Content-Length %d > %d body bytes' % (clv, len(body)))
            check('body_len', str(clv))
        else:
            check('body_len', str(len(body)))

        # ---- From / To: stated parts must occur in the header value, '-' when absent
        for hname, ucol, dcol in (('from', 'from_uri', 'from_display'),
                                  ('to', 'to_uri', 'to_display')):
            hv = values(hdrs, hname)
            if not hv:
                if r[ucol] != '-' or r[dcol] != '-':
                    bad(f, '%s absent but %s/%s given' % (hname, ucol, dcol))
                continue
            v = hv[0]
            for col in (ucol, dcol):
                if r[col] == '-':
                    continue
                try:
                    cellb = decode_cell(r[col])
                except ValueError as e:
                    bad(f, '%s: %s' % (col, e))
                    continue
                if cellb not in v and cellb not in v.replace(b' ', b''):
                    bad(f, '%s %r not found in %s value %r' % (col, r[col], hname, v))
            if r[dcol] == '-' and r[ucol] != '-':
                # no display name: value starts with '<' or is an addr-spec
                dec = decode_cell(r[ucol])
                if not (v.startswith(b'<') or v.startswith(dec)):
                    bad(f, '%s is "-" but %s value has text before the URI: %r'
                        % (dcol, hname, v))
            if r[ucol] != '-' and b'<' not in v:
                # addr-spec form: URI must stop before the first ';'
                if b';' in decode_cell(r[ucol]):
                    bad(f, '%s of an addr-spec includes header params' % ucol)

        for col in COLUMNS:
            try:
                decode_cell(r[col])
            except ValueError as e:
                bad(f, '%s: %s' % (col, e))

    for p in problems:
        print('MISMATCH ' + p)
    print('%d rows checked, %d problem(s)' % (len(order), len(problems)))


if __name__ == '__main__':
    main()
    sys.exit(1 if problems else 0)
