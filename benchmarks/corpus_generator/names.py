"""Who and where the synthetic documents talk about: real authorities, invented people, places and roles.

Authority names come from ``models/gazetteers/authorities.csv`` so that the resolver meets names it knows;
everyone else is invented, so a benchmark document never quotes a real person.
"""

from __future__ import annotations

import csv
from pathlib import Path

AUTHORITIES_CSV = Path(__file__).resolve().parents[2] / "models" / "gazetteers" / "authorities.csv"


def _load_authorities() -> tuple[tuple[str, str, str], ...]:
    """(name, council, valid_from) of the authorities that still exist; the press writes about those."""
    with AUTHORITIES_CSV.open(newline="", encoding="utf-8") as handle:
        return tuple((row["name"], row["council"], row["valid_from"]) for row in csv.DictReader(handle) if not row["valid_to"])


AUTHORITIES = _load_authorities()

FIRST_NAMES = (
    "Aisha Alan Alison Amir Andrew Angela Anita Barbara Bernard Bethan Carol Catherine Chidi Christine Colin Daniel Deborah Dennis Eileen Eleanor "
    "Farah Fiona Gareth Geoffrey Gillian Graham Hannah Harriet Helen Ian Imran Isobel Jacqueline James Janet Jasmine Jeremy Joanne Jonathan Judith "
    "Kamala Keith Kwame Laura Leonard Lesley Malcolm Margaret Martin Meera Michael Nadia Naomi Neil Nicola Oliver Olwen Patrick Paula Priya "
    "Rachel Rajesh Rebecca Richard Rosalind Ruth Samuel Sandra Simon Siobhan Stephen Tariq Teresa Timothy Valerie Victoria Wendy Yasmin Zoe"
).split()
SURNAMES = (
    "Abbott Achebe Ainsworth Appiah Ashdown Bancroft Barraclough Beaumont Bhatt Blackwood Brennan Calloway Castellano Chaudhry Clegg Coleridge "
    "Cresswell Dalby Delaney Dunmore Ellery Fairbairn Fenwick Fitzgerald Forsyth Garside Gillard Greaves Hargreaves Hawthorne Hollins Iqbal Jarvis "
    "Kavanagh Kershaw Kowalski Lindqvist Lockwood Maddox Marchant McAllister Mensah Mortimer Nairn Nolan Okafor Osei Oyelaran Pemberton Petrakis "
    "Pritchard Quayle Radcliffe Rahman Rowntree Sandhu Shackleton Sinclair Stanhope Thorne Tremayne Underwood Varma Wainwright Whitfield Winslow "
    "Yardley Ziegler"
).split()
FEMALE = frozenset(
    "Aisha Alison Angela Anita Barbara Bethan Carol Catherine Christine Deborah Eileen Eleanor Farah Fiona Gillian Hannah Harriet Helen Isobel "
    "Jacqueline Janet Jasmine Joanne Judith Kamala Laura Lesley Margaret Meera Nadia Naomi Nicola Olwen Paula Priya Rachel Rebecca Rosalind Ruth "
    "Sandra Siobhan Teresa Valerie Victoria Wendy Yasmin Zoe".split()
)
MINISTER_ROLES = (
    "Minister for Children and Families", "Parliamentary Under Secretary of State for Children and Families", "Children’s Minister",
    "Education Secretary", "Secretary of State for Education", "Minister of State for Children and Families",
)
DCS_ROLES = (
    "director of children’s services at {council}", "{poss} director of children’s services", "interim director of children’s services at {council}",
    "corporate director for children and families at {council}", "executive director of children’s services at {council}",
)
MEMBER_ROLES = (
    "cabinet member for children’s services at {council}", "{poss} lead member for children and young people",
    "portfolio holder for children and families at {council}", "executive member for children’s social care at {council}",
    "cabinet member for children, education and families at {council}",
)
LEADER_ROLES = ("leader of {council}", "chief executive of {council}", "the council’s chief executive", "{poss} council leader", "deputy leader of {council}")
CHARITIES = ("Brighter Steps", "the Harbour Project", "Foundations for Families", "the Young Lives Forum", "Kinship Voices", "Open Door Children’s Charity")
TRUST_NAMES = ("{auth} Children’s Trust", "{auth} Children’s Services Trust", "Horizons for Children {auth}", "{auth} Children and Families Trust", "Compass Children {auth}")
PAPERS = ("Gazette", "Evening News", "Chronicle", "Advertiser", "Echo", "Courier", "Herald", "Live")
PLACES = ("Ashby Green", "Millbrook", "Hatherley", "Kingsmead", "Oakwell", "Fernhill", "Stonebridge", "Westcombe", "Lowther Park", "Brampton Vale")
ROADS = ("A4123", "A38", "A61", "A52", "B1134", "A629", "A4067", "A1079")
