#!/usr/bin/env python3
"""Trims the real AWS models to the fixture under models/ that the catalog's
unit tests build from: a few operations of a few services, every shape they
reach, nothing else. Run from engine/catalog/testdata after `npm ci` in
engine/catalog/npm, with botocore installed:  python3 trim.py"""
import glob, gzip, json, os, re, shutil

KEEP = {  # aws-sdk metadata key: operations
    "stepfunctions": ["StartExecution", "DescribeExecution"],
    "dynamodb": ["PutItem", "GetItem"],
    "s3": ["GetObject"],
    "kms": ["Encrypt"],
    "lambda": ["Invoke", "GetFunction"],
}
SDK = "../npm/node_modules/aws-sdk"
import botocore
BOTO = os.path.join(os.path.dirname(botocore.__file__), "data")
OUT = "models"

def refs(obj, acc):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "shape" and isinstance(v, str):
                acc.add(v)
            else:
                refs(v, acc)
    elif isinstance(obj, list):
        for v in obj:
            refs(v, acc)

def closure(shapes, start):
    seen, todo = set(), list(start)
    while todo:
        s = todo.pop()
        if s in seen or s not in shapes:
            continue
        seen.add(s)
        acc = set()
        refs(shapes[s], acc)
        todo.extend(acc)
    return seen

shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(f"{OUT}/aws-sdk/apis"); os.makedirs(f"{OUT}/aws-sdk/clients")
meta = json.load(open(f"{SDK}/apis/metadata.json"))
json.dump({k: meta[k] for k in KEEP}, open(f"{OUT}/aws-sdk/apis/metadata.json", "w"), indent=1)
json.dump({"name": "aws-sdk", "version": "2.1693.0"}, open(f"{OUT}/aws-sdk/package.json", "w"))
for key, ops in KEEP.items():
    prefix = meta[key].get("prefix", key)
    files = sorted(f for f in glob.glob(f"{SDK}/apis/{prefix}-*.min.json") if re.search(re.escape(prefix) + r"-\d{4}-\d\d-\d\d\.min\.json$", f))
    m = json.load(open(files[-1]))
    o = {op: m["operations"][op] for op in ops}
    acc = set(); refs(o, acc)
    m["operations"] = o
    m["shapes"] = {k: m["shapes"][k] for k in sorted(closure(m["shapes"], acc))}
    json.dump(m, open(f"{OUT}/aws-sdk/apis/" + os.path.basename(files[-1]), "w"), separators=(",", ":"))
    # d.ts: the operations' methods and every type they reach.
    src = open(f"{SDK}/clients/{key}.d.ts").read()
    cls = re.search(r"declare class (\w+)", src).group(1)
    ifaces = dict(re.findall(r"\n  export interface (\w+) \{\n(.*?)\n  \}", src, re.S))
    ifaces.update({n: "" for n in re.findall(r"\n  export interface (\w+) \{\}", src)})
    aliases = dict(re.findall(r"\n  export type (\w+) = (.+);", src))
    methods, want = [], []
    for op in ops:
        name = op[0].lower() + op[1:]
        line = re.search(r"\n(  " + name + r"\(params: .*?;)\n", src).group(1)
        methods.append(line)
        want += re.findall(r"Types\.(\w+)", line)
    seen, todo = [], list(want)
    while todo:
        t = todo.pop()
        if t in seen or (t not in ifaces and t not in aliases):
            continue
        seen.append(t)
        body = ifaces.get(t, aliases.get(t, ""))
        body = re.sub(r'"[^"]*"', "", re.sub(r"/\*\*.*?\*/", "", body, flags=re.S))
        todo += re.findall(r"\b([A-Z]\w*)\b", body)
    with open(f"{OUT}/aws-sdk/clients/{key}.d.ts", "w") as f:
        f.write(f"declare class {cls} extends Service {{\n" + "\n".join(methods) + "\n}\n")
        f.write(f"declare namespace {cls} {{\n")
        for t in sorted(seen):
            if t in ifaces:
                members = [l for l in ifaces[t].split("\n") if re.match(r"^    \S.*;$", l)]
                f.write(f"  export interface {t} {{\n" + "".join(l + "\n" for l in members) + "  }\n")
            else:
                f.write(f"  export type {t} = {aliases[t]};\n")
        f.write("}\n")
    # botocore: the same operations, their errors and the shapes they reach.
    sid = m["metadata"]["serviceId"]
    for d in sorted(glob.glob(f"{BOTO}/*/*/service-2.json*")):
        with (gzip.open(d) if d.endswith(".gz") else open(d, "rb")) as fh:
            b = json.load(fh)
        if b["metadata"].get("serviceId") != sid or b["metadata"].get("apiVersion") != m["metadata"]["apiVersion"]:
            continue
        bo = {op: {k: v for k, v in b["operations"][op].items() if k in ("name", "input", "output", "errors")} for op in ops}
        acc = set(); refs(bo, acc)
        shapes = {}
        for k in sorted(closure(b["shapes"], acc)):
            s = {kk: vv for kk, vv in b["shapes"][k].items() if kk != "documentation"}
            if "members" in s:
                s["members"] = {mk: {kk: vv for kk, vv in mv.items() if kk != "documentation"} for mk, mv in s["members"].items()}
            shapes[k] = s
        rel = os.path.relpath(os.path.dirname(d), BOTO)
        os.makedirs(f"{OUT}/botocore/{rel}", exist_ok=True)
        json.dump({"metadata": {k: b["metadata"][k] for k in ("apiVersion", "endpointPrefix", "serviceId")}, "operations": bo, "shapes": shapes},
                  open(f"{OUT}/botocore/{rel}/service-2.json", "w"), separators=(",", ":"))
