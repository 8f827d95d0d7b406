"""The docstrings' examples (run by ``pytest --doctest-modules``) read ``rules``: the shipped
rules, loaded once (``kg.ruleset.load_rules()``), as each stage is given them."""

import pytest


@pytest.fixture(autouse=True, scope="session")
def _shipped_rules(doctest_namespace):
    from kg.ruleset import load_rules

    doctest_namespace["rules"] = load_rules()
