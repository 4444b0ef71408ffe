"""The MkDocs adapters: the only modules that import MkDocs.

The hooks (hooks/*.py) call these; the core (loading, validation, rendering, print) runs
without MkDocs, as `python -m patientsite check` and the leaflet command do.
"""
