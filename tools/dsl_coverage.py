#!/usr/bin/env python3
"""Op coverage table of the executed DSL cases: for each StableHLO op in the emitted case modules (written by
DslCasesTest to <buildDir>/dsl-cases and run by DslExecutionTest), the element types it was exercised with.

  python3 tools/dsl_coverage.py target-dsl/dsl-cases
"""
import re, os, sys, collections
d = sys.argv[1]
cov = collections.defaultdict(set)
def types_of(s):
    return re.findall(r'tensor<(?:[0-9x]*x)?([a-z]+[0-9]*)>', s)
for f in sorted(os.listdir(d)):
    if not f.endswith('.mlir'): continue
    stack = []
    for line in open(os.path.join(d, f)):
        st = line.strip()
        if st.startswith('})') or (st.startswith('} :') and stack):
            if stack and ' : ' in st:
                op = stack.pop()
                for t in types_of(st.split(' : ', 1)[1]): cov[op].add(t)
            continue
        m = re.search(r'= "?((?:stablehlo|chlo|sdy)\.[a-z_0-9]+)"?', line)
        if not m: continue
        op = m.group(1)
        if st.endswith('({') or st.endswith('{'):
            stack.append(op); continue
        tail = line.rsplit(' : ', 1)[-1]
        for t in types_of(tail): cov[op].add(t)
for op in sorted(cov):
    print("| %s | %s |" % (op, ", ".join(sorted(cov[op]))))
