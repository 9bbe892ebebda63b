"""A result list as CSV that a Danish Excel opens as it is: UTF-8 with a byte-order mark (without it
Excel reads the file as Windows-1252 and æøå break), semicolons between fields (the list separator of
a Danish locale, where the comma is the decimal mark), dates as YYYY-MM-DD. Written with the stdlib
csv module, which quotes fields holding ; " or line breaks.
"""
from __future__ import annotations

import csv
import io

from fastapi import Request

from api.feeds import item_url

CSV_TYPE = "text/csv; charset=utf-8"
HEADER = ("Udvalg", "Mødedato", "Punkt", "Titel", "Sagsnummer", "Beslutning", "Link")
# A cell starting with one of these is read by spreadsheets as a formula (CSV injection): it gets a
# leading apostrophe, which Excel shows as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def search_csv(request: Request, hits: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for hit in hits:
        # access: the hits are the engine's search hits; an access rule there (title only for a closed
        # item) reaches this file too, which adds nothing beyond the hit's own fields.
        writer.writerow([_cell(hit["body"]), hit["meeting_date"][:10], hit["item_number"], _cell(hit["title"]),
                         _cell(hit.get("case_number") or ""), _cell(" ".join((hit.get("decision") or "").split())),
                         item_url(request, hit["id"])])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text
