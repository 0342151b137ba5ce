#!/usr/bin/env python3
"""abnf2re: turn the regular subset of ABNF (RFC 5234) into re2c definitions.

    abnf2re.py FILE.abnf... > abnf.re

Every rule becomes a re2c named definition of the same name with '-' replaced
by '_' (quoted-string -> quoted_string), written in dependency order so that
re2c sees each name before its use. ABNF semantics carried over:

  "abc"          case-insensitive string (RFC 5234 2.3)   -> 'abc'
  %x41-5A        value range                               -> [\\x41-\\x5A]
  %x49.4E.56     concatenated values, case-sensitive       -> "\\x49\\x4E\\x56"
  n*m x, *x, nx  repetition                                -> (x){n,m} ...
  [x], (x), a/b  option, group, alternation

A rule is left out, with a comment saying why, when it is not regular (it
refers to itself, directly or through others: RFC 3261's comment), uses prose
(<...>), or refers to a rule no given file defines. Rule names compare
case-insensitively (RFC 5234 2.1); a later file may not redefine a rule.
"""
import re
import sys

TOKEN_RE = re.compile(r'''
    (?P<space>[ \t\r\n]+)
  | (?P<comment>;[^\n]*)
  | (?P<string>"[^"]*")
  | (?P<number>%[xX][0-9A-Fa-f]+(?:(?:\.[0-9A-Fa-f]+)+|-[0-9A-Fa-f]+)?
               |%[dD][0-9]+(?:(?:\.[0-9]+)+|-[0-9]+)?)
  | (?P<prose><[^>]*>)
  | (?P<repeat>[0-9]*\*[0-9]*|[0-9]+)
  | (?P<name>[A-Za-z][A-Za-z0-9-]*)
  | (?P<punct>[()\[\]/])
''', re.VERBOSE)


class AbnfError(Exception):
    pass


def read_rules(paths):
    """Returns {lowercase name: (name, body text, file:line)} in file order."""
    rules = {}
    order = []
    for path in paths:
        with open(path, encoding="latin-1") as f:
            text = f.read()
        current = None
        for number, line in enumerate(text.split("\n"), 1):
            stripped = line.split(";", 1)[0] if not _has_string_semicolon(line) else _strip_comment(line)
            if not stripped.strip():
                continue
            match = re.match(r'^([A-Za-z][A-Za-z0-9-]*)\s*(=/|=)(.*)$', stripped)
            if match and not line[0].isspace():
                name, op, body = match.groups()
                key = name.lower()
                where = f"{path}:{number}"
                if op == "=/":
                    if key not in rules:
                        raise AbnfError(f"{where}: =/ for undefined rule {name}")
                    old = rules[key]
                    rules[key] = (old[0], f"({old[1]}) / ({body})", old[2])
                else:
                    if key in rules:
                        raise AbnfError(f"{where}: {name} already defined at {rules[key][2]}")
                    rules[key] = (name, body, where)
                    order.append(key)
                current = key
            elif line[0].isspace() and current:
                name, body, where = rules[current]
                rules[current] = (name, body + " " + stripped.strip(), where)
            else:
                raise AbnfError(f"{path}:{number}: cannot read: {line!r}")
    return rules, order


def _has_string_semicolon(line):
    return '"' in line


def _strip_comment(line):
    """Cuts a ';' comment that is not inside a "string"."""
    inside = False
    for i, ch in enumerate(line):
        if ch == '"':
            inside = not inside
        elif ch == ";" and not inside:
            return line[:i]
    return line


def tokenize(text, where):
    tokens = []
    pos = 0
    while pos < len(text):
        match = TOKEN_RE.match(text, pos)
        if not match:
            raise AbnfError(f"{where}: cannot tokenize {text[pos:pos + 20]!r}")
        pos = match.end()
        kind = match.lastgroup
        if kind in ("space", "comment"):
            continue
        tokens.append((kind, match.group()))
    return tokens


class Parser:
    """Recursive descent over RFC 5234 4 (rulelist grammar), yielding a tree."""

    def __init__(self, tokens, where):
        self.tokens = tokens
        self.pos = 0
        self.where = where

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else (None, None)

    def take(self):
        token = self.peek()
        self.pos += 1
        return token

    def parse(self):
        tree = self.alternation()
        if self.pos != len(self.tokens):
            raise AbnfError(f"{self.where}: unexpected {self.peek()[1]!r}")
        return tree

    def alternation(self):
        items = [self.concatenation()]
        while self.peek() == ("punct", "/"):
            self.take()
            items.append(self.concatenation())
        return items[0] if len(items) == 1 else ("alt", items)

    def concatenation(self):
        items = []
        while True:
            kind, value = self.peek()
            if kind is None or (kind == "punct" and value in ")]/"):
                break
            items.append(self.repetition())
        if not items:
            raise AbnfError(f"{self.where}: empty concatenation")
        return items[0] if len(items) == 1 else ("cat", items)

    def repetition(self):
        kind, value = self.peek()
        if kind == "repeat":
            self.take()
            if "*" in value:
                low, high = value.split("*")
                low = int(low) if low else 0
                high = int(high) if high else None
            else:
                low = high = int(value)
            return ("rep", low, high, self.element())
        return self.element()

    def element(self):
        kind, value = self.take()
        if kind == "name":
            return ("ref", value.lower())
        if kind == "string":
            return ("str", value[1:-1])
        if kind == "number":
            return ("num", value)
        if kind == "prose":
            return ("prose", value)
        if (kind, value) == ("punct", "("):
            inner = self.alternation()
            self.expect(")")
            return inner
        if (kind, value) == ("punct", "["):
            inner = self.alternation()
            self.expect("]")
            return ("rep", 0, 1, inner)
        raise AbnfError(f"{self.where}: unexpected {value!r}")

    def expect(self, punct):
        kind, value = self.take()
        if (kind, value) != ("punct", punct):
            raise AbnfError(f"{self.where}: expected {punct!r}, got {value!r}")


def re2c_name(name):
    return name.replace("-", "_")


def emit(tree, names):
    kind = tree[0]
    if kind == "ref":
        return re2c_name(names[tree[1]])
    if kind == "str":
        text = tree[1]
        if not text:
            return '""'
        # ABNF strings are case-insensitive: re2c's '...' is too; strings
        # without letters use "..." (the same match either way).
        quote = "'" if any(c.isalpha() for c in text) else '"'
        return quote + text.replace("\\", "\\\\").replace(quote, "\\" + quote) + quote
    if kind == "num":
        return emit_number(tree[1])
    if kind == "alt":
        return "(" + " | ".join(emit(item, names) for item in tree[1]) + ")"
    if kind == "cat":
        return "(" + " ".join(emit(item, names) for item in tree[1]) + ")"
    if kind == "rep":
        low, high, inner = tree[1], tree[2], emit(tree[3], names)
        if (low, high) == (0, 1):
            return f"({inner})?"
        if (low, high) == (0, None):
            return f"({inner})*"
        if (low, high) == (1, None):
            return f"({inner})+"
        if high is None:
            return f"({inner}){{{low},}}"
        if low == high:
            return f"({inner}){{{low}}}"
        return f"({inner}){{{low},{high}}}"
    raise AbnfError(f"cannot emit {kind}")


def emit_number(text):
    base = 16 if text[1] in "xX" else 10
    body = text[2:]

    def char(value):
        return "\\x%02X" % int(value, base)

    if "-" in body:
        low, high = body.split("-")
        return f"[{char(low)}-{char(high)}]"
    return '"' + "".join(char(part) for part in body.split(".")) + '"'


def references(tree, found):
    kind = tree[0]
    if kind == "ref":
        found.add(tree[1])
    elif kind in ("alt", "cat"):
        for item in tree[1]:
            references(item, found)
    elif kind == "rep":
        references(tree[3], found)
    return found


def has_prose(tree):
    kind = tree[0]
    if kind == "prose":
        return True
    if kind in ("alt", "cat"):
        return any(has_prose(item) for item in tree[1])
    if kind == "rep":
        return has_prose(tree[3])
    return False


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    try:
        rules, order = read_rules(sys.argv[1:])
        trees = {}
        for key in order:
            name, body, where = rules[key]
            trees[key] = Parser(tokenize(body, where), where).parse()
    except AbnfError as error:
        sys.exit(f"abnf2re: {error}")

    names = {key: rules[key][0] for key in order}
    skipped = {}
    emitted = []
    state = {}

    def visit(key, stack):
        """Depth-first: emits dependencies first; marks cycles non-regular."""
        if state.get(key) == "done":
            return key not in skipped
        if state.get(key) == "active":
            cycle = stack[stack.index(key):] + [key]
            for member in cycle:
                skipped.setdefault(member, "not regular: refers to itself through "
                                   + " -> ".join(names.get(k, k) for k in cycle))
            return False
        if key not in trees:
            return False
        state[key] = "active"
        ok = True
        if has_prose(trees[key]):
            skipped[key] = "uses prose"
            ok = False
        for ref in sorted(references(trees[key], set())):
            if ref not in trees:
                skipped.setdefault(key, f"refers to {ref}, defined in no given file")
                ok = False
            elif not visit(ref, stack + [key]):
                skipped.setdefault(key, f"refers to {names[ref]}, which is left out")
                ok = False
        state[key] = "done"
        if ok and key not in skipped:
            emitted.append(key)
        return ok and key not in skipped

    for key in order:
        visit(key, [])

    out = sys.stdout
    out.write("/* Generated by tools/abnf2re.py from " + " ".join(sys.argv[1:]) + ".\n")
    out.write(" * Do not edit: edit the ABNF. Each definition keeps its rule's name\n")
    out.write(" * ('-' becomes '_') and the file:line it comes from. */\n")
    out.write("/*!re2c\n")
    for key in emitted:
        name, body, where = rules[key]
        out.write(f"// {where}\n{re2c_name(name)} = {emit(trees[key], names)};\n")
    out.write("\n// Rules left out (not regular, prose, or undefined references):\n")
    for key in order:
        if key in skipped:
            out.write(f"//   {names[key]} ({rules[key][2]}): {skipped[key]}\n")
    out.write("*/\n")


if __name__ == "__main__":
    main()
