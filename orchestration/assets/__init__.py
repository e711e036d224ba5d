"""Dagster assets of the nightly job: landing -> dbt models -> recette -> published warehouse."""
from .dbt import build_dbt_assets, dbt_project, dbt_resource, source_keys
from .landing import build_landing_asset
from .publish import build_publish_asset
from .recette import build_recette_asset
from .resources import FULL_REFRESH_JOB, NIGHTLY_JOB, PilotageResource, run_config

__all__ = ["build_dbt_assets", "dbt_project", "dbt_resource", "source_keys", "build_landing_asset",
           "build_publish_asset", "build_recette_asset", "PilotageResource", "run_config",
           "FULL_REFRESH_JOB", "NIGHTLY_JOB"]
