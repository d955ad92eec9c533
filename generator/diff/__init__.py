"""`testrelay diff`: what a spec change breaks, on the wire and in the generated Python client.

resolve   a spec argument (file, vendor, REV:PATH) -> text
side      one version: IR plus where each element sits in the file
schemas   one schema against another, in a direction
http      HTTP-contract rules          surface  the generated surface, via the codegen model
python    Python-surface rules         causes   which HTTP findings explain a surface finding
findings  rules, levels, findings      report   all findings of a diff, summed up
reporters text, markdown, json, junit, github
prove     the old contract suite against a mock of the new spec
"""
