"""The ``kg`` command line: a thin click layer over the library."""

from __future__ import annotations

import json
import sys

import click

from kg.errors import KgError

__all__ = ["cli"]


def _progress(label: str):
    def wrap(items):
        from tqdm import tqdm

        return tqdm(items, desc=label, unit="article", disable=None, file=sys.stderr)

    return wrap


@click.group()
@click.version_option(package_name="quanze")
def cli():
    """Quanze (权责图谱): who holds which power, where — from Chinese policy documents."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--provenance/--no-provenance", default=False, help="Add sentence id, offsets and rule id to each record.")
def extract(paths, fmt, provenance):
    """Print extracted facts as JSON Lines in the gold schema.

    Example: kg extract seeds/ --format jsonl > pred.jsonl
    """
    from kg.pipeline import extract as run

    errors: list[str] = []
    try:
        results = run(paths, errors=errors)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    for r in results:
        for f in r.facts:
            click.echo(json.dumps(f.as_record(provenance=provenance), ensure_ascii=False))
    for line in errors:
        click.echo(f"error: {line}", err=True)
    if errors:
        sys.exit(1)
