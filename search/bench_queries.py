"""The fixed query list `minutes bench` times: what residents and staff type, in their proportions.

Written for the benchmark (not taken from the evaluation set), so tuning for speed never tunes on the
relevance judgements. Kept fixed so figures from different runs compare.
"""
from __future__ import annotations

QUERIES: tuple[str, ...] = (
    # single words and short keyword queries
    "lokalplan",
    "budget 2024",
    "skolestruktur",
    "vejbelysning",
    "daginstitution",
    "affaldssortering",
    "klimatilpasning",
    "ældrepleje",
    "cykelsti",
    "takster",
    # compounds and inflected forms, which the analysers split and stem
    "anlægsbevilling",
    "plejehjemspladser",
    "renovering af svømmehallen",
    "udbud af rengøring",
    "boligsocial helhedsplan",
    "tilskud til frivillige foreninger",
    "kvalitetsrapport for folkeskolerne",
    # query syntax
    '"almene boliger"',
    "titel:budget",
    "busser OR trafikplan",
    # questions in natural language
    "hvor mange penge bruger kommunen på specialundervisning",
    "hvad har byrådet besluttet om nye boliger ved stationen",
    "hvornår åbner den nye børnehave",
    "hvordan håndteres ventelister til plejehjem",
    "overskud i regnskabet for sidste år",
    "støtte til unge uden uddannelse eller job",
    "trafiksikkerhed ved skolerne",
    "mål for reduktion af CO2",
    # a typo, and English
    "bibloteket",
    "climate adaptation and flooding",
    "school budget cuts",
    "public transport bus routes",
)
