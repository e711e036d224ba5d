"""The dbt CLI resource of the job: dagster-dbt's, minus two start-up costs we never use.

Before each `dbt build`, dagster-dbt's DbtCliResource runs `dbt --version` in a subprocess
(to tell dbt Core from the Fusion engine) and builds a dbt adapter in the Dagster process (for
`fetch_row_counts` / `fetch_column_metadata`, which this project does not call): about 3 s of
every run at scale 10, before dbt itself starts. Here the version is the installed dbt-core
package's (the job runs the venv's own `dbt`: dbt_runner.dbt_executable), and no adapter is made.
tests/orchestration/test_orch_definitions.py fails if a dagster-dbt upgrade renames what is
overridden.
"""
from __future__ import annotations

from functools import cached_property
from importlib.metadata import version as installed_version

from dagster_dbt import DbtCliResource
from packaging import version


class PilotageDbtCliResource(DbtCliResource):
    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(installed_version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):  # noqa: ARG002 (signature of dagster-dbt's)
        return None
