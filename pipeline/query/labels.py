"""What people read for the codes of the spec: areas, ratings and kinds of action, in their order.
No imports: the command line reads the areas when it is built, before any command runs."""

AREA_LABELS = {
    "overall_effectiveness": "Overall effectiveness",
    "help_and_protection": "Children who need help and protection",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
    "leadership": "Leadership",
    "safeguarding": "Safeguarding",
    "capacity_to_improve": "Capacity to improve",
    "adoption": "Adoption",
    "other": "Other",
}
RATING_LABELS = {"outstanding": "outstanding", "good": "good", "requires_improvement": "requires improvement",
                 "adequate": "adequate", "inadequate": "inadequate"}
KIND_LABELS = {
    "improvement_notice": "Improvement notice", "statutory_direction": "Statutory direction",
    "commissioner": "Commissioner", "improvement_adviser": "Improvement adviser", "improvement_board": "Improvement board",
    "independent_chair": "Independent chair", "improvement_plan": "Improvement plan", "trust": "Trust or company",
    "new_leadership": "New leadership", "takeover": "Run by another council", "support": "Support", "intervention": "Intervention",
}
