"""The demo trust's governing documents: each component's terms of reference or constitution
(the audit, section 5.1: "Each component of the trust arrangements has established terms of
reference/a Constitution (for the ISCB and LSCB)"), the memorandum of understanding that
recommendations 2, 3 and 7 asked for, and the roles of the Director of Children's Services and
the Lead Executive Member (section 5.3).

The seeds give no dates, quorums or wording for these documents: everything dated or worded
here is invented for the demo, plausibly for 2006-08 (the trust was introduced in September
2006; the audit reported in November 2007; the demo's day is 2 September 2008). Open Forums'
terms of reference fell due for review in October 2007 and have not been reviewed: the one
document past its review date on the demo's day.
"""

import datetime

D = datetime.date

# Per component (its key in ``demo_data.COMPONENTS``), its versions, oldest first. The kind
# is the component's ``governing_document`` there.
TERMS = {
    "clp": [
        {
            "agreed": D(2006, 9, 14),
            "review_date": D(2007, 9, 30),
            "quorum": (5, 3, True),
            "text": (
                "The Children Leeds Partnership leads the trust arrangements: it sets the "
                "vision and priorities of the Children and Young People's Plan, holds the "
                "other components to account for their delivery and brings the wider range of "
                "partners, and young people, into its debate. It meets quarterly."
            ),
        },
        {
            "agreed": D(2007, 12, 12),
            "in_force_from": D(2008, 1, 1),
            "review_date": D(2008, 12, 31),
            "quorum": (5, 3, True),
            "text": (
                "Revised after the Governance Seminar and the audit of the trust "
                "arrangements: the Partnership leads the trust arrangements, agrees the "
                "memorandum of understanding, and receives the key messages of the "
                "commissioning and safeguarding boards at each meeting. Conflict resolution "
                "and the exit strategy are as set out in the memorandum of understanding."
            ),
        },
    ],
    "iscb": [
        {
            "agreed": D(2006, 11, 8),
            "review_date": D(2007, 11, 30),
            "quorum": (3, 2, True),
            "text": (
                "The Integrated Strategic Commissioning Board takes the partnership's "
                "commissioning decisions under its commissioning strategy, determines with "
                "the Director of Children's Services the ownership of the plan's priorities "
                "and monitors the action plans of the hosted priorities."
            ),
        },
        {
            "agreed": D(2007, 12, 5),
            "review_date": D(2008, 12, 31),
            "quorum": (3, 2, True),
            "text": (
                "As version 1, with the conflict resolution procedure and the exit strategy "
                "drafted by Legal and Domestic Services inserted (audit recommendation 3), and "
                "the Board's risk register reviewed at each meeting."
            ),
        },
    ],
    "lscb": [
        {
            "agreed": D(2006, 4, 1),
            "review_date": D(2008, 3, 31),
            "quorum": (4, 2, False),
            "text": (
                "The Local Safeguarding Children Board, set up under section 13 of the "
                "Children Act 2004, co-ordinates what its members do to safeguard and promote "
                "the welfare of children and ensures that it is effective."
            ),
        },
        {
            "agreed": D(2008, 3, 26),
            "in_force_from": D(2008, 4, 1),
            "review_date": D(2009, 3, 31),
            "quorum": (4, 2, False),
            "text": (
                "Revised to meet the statutory requirements in force from March 2008, with "
                "the conflict resolution and exit strategy paragraphs (audit recommendation 3)."
            ),
        },
    ],
    "open_forums": [
        {
            "agreed": D(2006, 10, 12),
            "review_date": D(2007, 10, 31),  # not reviewed since: past review on the demo day
            "quorum": (None, None, True),
            "text": (
                "Open Forums are open events at which partners, children, young people and "
                "communities hear from and question the Director of Children's Services and "
                "the Lead Executive Member. They take no decisions and have no quorum."
            ),
        },
    ],
    "locality": [
        {
            "agreed": D(2007, 1, 17),
            "review_date": D(2009, 1, 31),
            "quorum": (5, 2, True),
            "text": (
                "The area boards, supported by the five locality enablers, develop and "
                "deliver local plans for children and young people that link back to the "
                "city's plan, and report through the area committees."
            ),
        },
    ],
    "dcs_unit": [
        {
            "agreed": D(2006, 9, 1),
            "review_date": D(2008, 12, 31),
            "quorum": (None, None, True),
            "text": (
                "The Director of Children's Services Unit supports the Director from a "
                "strategic perspective: partnership governance, performance, risk and the "
                "trust's own risk register. It is not a decision-making body."
            ),
        },
    ],
}

MEMORANDUM_TITLE = "Memorandum of understanding of the Children Leeds partnership"

# Its versions, oldest first; each section names the versions it is in (by number) and the
# risks it mitigates in the current version (register key, reference).
MEMORANDUM = [
    {
        "agreed": D(2007, 12, 12),
        "in_force_from": D(2008, 1, 1),
        "review_date": D(2008, 6, 30),
        "notes": "Agreed by the Children Leeds Partnership (audit recommendation 2).",
    },
    {
        "agreed": D(2008, 7, 9),
        "review_date": D(2009, 7, 31),
        "notes": (
            "Reviewed after six months: the information sharing section added (audit "
            "recommendation 4) and the exit strategy extended to the LSCB."
        ),
    },
]

MEMORANDUM_SECTIONS = [
    {
        "order": 1,
        "heading": "The six components and how they fit together",
        "versions": (1, 2),
        "text": (
            "The function of each component of the trust arrangements, what each sits under "
            "and reports to, with the terms of reference or constitution of each."
        ),
        "risks": [("dcs_unit_register", "DCS-01")],
    },
    {
        "order": 2,
        "heading": "Roles and responsibilities of the partners",
        "versions": (1, 2),
        "text": (
            "What each partner brings to the partnership, the seniority of its "
            "representatives on each board and its duty to co-operate."
        ),
        "risks": [("dcs_unit_register", "DCS-02")],
    },
    {
        "order": 3,
        "heading": "Roles of the Director of Children's Services and the Lead Executive Member",
        "versions": (1, 2),
        "text": (
            "As laid out in the statutory guidance on the roles and responsibilities of the "
            "Director of Children's Services and the Lead Member for Children's Services "
            "(audit recommendation 7)."
        ),
        "risks": [],
    },
    {
        "order": 4,
        "heading": "Conflict resolution",
        "versions": (1, 2),
        "text": (
            "A disagreement between partners goes first to the chair of the board concerned, "
            "then to the Director of Children's Services and the Lead Executive Member, and "
            "finally to the Children Leeds Partnership, whose decision is final "
            "(audit recommendation 3)."
        ),
        "risks": [("iscb_register", "ISCB-03"), ("clp_register", "CLP-02")],
    },
    {
        "order": 5,
        "heading": "Exit strategy",
        "versions": (1, 2),
        "text": (
            "A partner leaving a constituted component gives six months' notice; the hosted "
            "priorities it leads pass to another partner by agreement of the commissioning "
            "board, and its commitments under the plan are honoured until then "
            "(audit recommendation 3)."
        ),
        "risks": [("iscb_register", "ISCB-03")],
    },
    {
        "order": 6,
        "heading": "Information sharing",
        "versions": (2,),
        "text": "Partners share information under the information sharing protocol.",
        "risks": [("dcs_unit_register", "DCS-03")],
    },
]

KEY_ROLES = [
    {
        "title": "Director of Children's Services",
        "person": "dcs",
        "started": D(2005, 9, 1),
        "responsibilities": (
            "Appointed under section 18 of the Children Act 2004: professionally accountable "
            "for the council's education and children's social services functions, leads "
            "the Children's Trust arrangements and the partnership's co-operation under "
            "section 10, and promotes the roles of the trust's components to every partner."
        ),
    },
    {
        "title": "Lead Executive Member for Children's Services",
        "person": "lead_member",
        "started": D(2006, 5, 25),
        "responsibilities": (
            "Designated under section 19 of the Children Act 2004: politically accountable "
            "for children's services, meets the Director weekly, and explains the trust "
            "arrangements to partners and the community through the Open Forums."
        ),
    },
]


def check():
    """The data's own invariants (the demo loader relies on them)."""
    for versions in TERMS.values():
        dates = [v["agreed"] for v in versions]
        assert dates == sorted(dates)
    numbers = {n for s in MEMORANDUM_SECTIONS for n in s["versions"]}
    assert numbers <= set(range(1, len(MEMORANDUM) + 1))
    headings = [s["heading"].lower() for s in MEMORANDUM_SECTIONS]
    assert "conflict resolution" in headings and "exit strategy" in headings


check()
