#!/usr/bin/env python3
"""fuzz/make_seeds.py - seeds that follow the tables, so a new rule or header
is fuzzed from its own examples the day it lands.

  corpus/fuzz/lint/<rule-id>.bad|.good  every rule example of tests/rules/,
      selector 0x01 (default profile, tracker capacity 1) and the example's
      datagrams as they are (the lint target splits them at "%%" lines);
  corpus/fuzz/validate/every-<id>[-strict]  every header value of
      tests/data/every-header.sip, selector = its header id (the order of
      grammar/headers.def, SIFT_H_OTHER = 0), strict with bit 7 set.

Existing seeds are kept; only missing files are written. Run from the top
of the tree: python3 fuzz/make_seeds.py
"""
import os
import re

def write(path, data):
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
        return 1
    return 0

def lint_seeds():
    n = 0
    for name in sorted(os.listdir("tests/rules")):
        if name.endswith(".sip"):
            data = open(os.path.join("tests/rules", name), "rb").read()
            n += write(os.path.join("corpus/fuzz/lint", name[:-4]), b"\x01" + data)
    return n

def header_ids():
    ids = {}
    number = 0
    for line in open("grammar/headers.def"):
        m = re.match(r'SIFT_HEADER\(([A-Z0-9_]+),\s*"([^"]+)",\s*"([^"]*)"', line)
        if m:
            number += 1
            ids[m.group(2).lower()] = number
            if m.group(3):
                ids[m.group(3).lower()] = number
    return ids

def validate_seeds():
    ids = header_ids()
    n = 0
    text = open("tests/data/every-header.sip", "rb").read().split(b"\r\n\r\n")[0]
    for line in text.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        number = ids.get(name.strip().decode().lower())
        if number is None:
            continue
        value = value.strip()
        slug = name.strip().decode().lower()
        n += write("corpus/fuzz/validate/every-%s" % slug, bytes([number]) + value)
        n += write("corpus/fuzz/validate/every-%s-strict" % slug, bytes([number | 0x80]) + value)
    return n

if __name__ == "__main__":
    print("make_seeds: %d lint seeds, %d validate seeds written" % (lint_seeds(), validate_seeds()))
