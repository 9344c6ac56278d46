"""The CaseOps state machines, as data: states, transitions, guard and callback names.

These modules know nothing of grading or of the server. `caseops.case` supplies the guards and
callbacks by name; `caseops.machinery` builds the `transitions` machines once per process.
"""
