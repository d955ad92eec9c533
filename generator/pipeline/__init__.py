"""`testrelay run` and `testrelay report`: trigger a run, wait for it, and report its results.

Everything vendor-specific comes from the spec's IR: the trigger is the operation whose `links`
lead to an `x-polling` status operation, its options are the trigger's scalar body fields and
parameters, CI context goes where `x-ci-context` says, a build is uploaded as `x-build-upload`
says, and per-test results are read where `x-test-results` says. Calls go through the generated
client of the spec, so auth, retries and rate limits behave as in any other use of it.

Only the standard library, httpx and pydantic (through the generated clients) are needed at run
time, plus PyYAML to read the spec; nothing is imported from the mock or the code generator.
"""
