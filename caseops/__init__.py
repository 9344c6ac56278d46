"""CaseOps: an OpenEnv environment for enterprise support operations."""
