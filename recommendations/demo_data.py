"""Demonstration data for ``load_demo``: the Leeds Children's Trust as it stood in late 2008.

Pure data: plain dicts, lists and ``datetime.date`` values, cross-referenced by short
lowercase slugs (``key``). Nothing here imports Django; ``load_demo`` turns it into rows.

Where each part comes from
--------------------------
Two real documents in ``shared/seeds/``:

* ``000_b9290aafd19f5c94.txt``, the audit "Leeds City Council, Children and Young People's
  Agenda - Partnership Working" (KPMG for the Audit Commission, 1 November 2007). Source of
  AUDIT, PRIORITY_SCALE, the twelve RECOMMENDATIONS (text from the report body, priority,
  management response, responsibility and timescale from Appendix 1), the six COMPONENTS and
  which have a Constitution (section 3.4), the partners it names, the nine named responsible
  officers in PEOPLE, the hosted priorities (section 4.3), the police attendance record behind
  MEETINGS (section 7.3) and which RISK_REGISTERS exist (section 6.4 and recommendation 9).
* ``004_fb5e3e47be079904.txt``, the Director of Children's Services' report to the Executive
  Board of 2 September 2008. Source of the six elements and their functions (Appendix A), the
  eleven 2008 plan PRIORITIES (Appendix B, verbatim), the January 2008 Open Forum, the
  positive Joint Area Review, and the progress used to set recommendation and action statuses.

PLAN and OUTCOMES come from both (the plan's title; the five Every Child Matters outcomes
listed in audit section 4.4).

What is invented for the demo
-----------------------------
Every fact that is in neither seed carries the comment ``# invented for the demo``:
job titles and e-mail addresses of the named officers; every person not named in Appendix 1
(component chairs and the partners' officers); signing dates of the partnership agreement,
the information sharing protocol and the hosting agreements; meeting days and attendance
beyond the seeds' "one in three" and "all since the letter"; all indicator figures (marked
``# illustrative figures invented for the demo``); the actions of the hosted priorities;
every progress update; the risks in the registers; recommendation and action statuses (set as
things plausibly stood in late 2008 from the 2008 report, reasoning in comments); the demo
users. Passwords are not in this file.

Conventions
-----------
* Recommendation numbers are strings, as in the report body ("1".."12").
* An action's ``timescale`` is the phrase as written in Appendix 1 for that line, or "" where
  Appendix 1 gives that line none (``trust.timescales.parse_timescale`` reads "" as no date).
* Scores are (likelihood, impact), each 1-5.
"""

import datetime

ORGANISATION_NAME = "Leeds City Council"

# The demo shows the trust as on the day of the director's report to the Executive Board
# (`make run` starts the clock there). Nothing here happens after it: a later meeting is
# scheduled (no attendance yet); progress is dated before it.
DEMO_DAY = datetime.date(2008, 9, 2)
SERVICE_NAME = "Children Leeds trust governance"

# Appendix 1 key, ordered most to least serious.
PRIORITY_SCALE = {
    "name": "Residual risk (Audit Commission)",
    "levels": [
        ("***", "Significant residual risk"),
        ("**", "Some residual risk"),
        ("*", "Little residual risk"),
    ],
}

# ---------------------------------------------------------------------------------------------
# Components: the six elements (audit 3.3; report Appendix A gives the functions).
# Audit 3.4: "Each component ... has established terms of reference/a Constitution (for the
# ISCB and LSCB)". (Rec. 3's response speaks of a "formal constitution of ISCB, CLP & LSCB";
# we follow the finding in 3.4 and give the CLP terms of reference.)
# ---------------------------------------------------------------------------------------------
# What each component does (the partnership's own list: trust.Function), keyed as COMPONENTS
# name them; the six functions of the report's Appendix A.
FUNCTIONS = [
    {"key": "leading", "name": "Leading", "description": "Sets the trust's direction.", "order": 1},
    {
        "key": "commissioning",
        "name": "Commissioning",
        "description": "Plans and commissions services together.",
        "order": 2,
    },
    {
        "key": "safeguarding",
        "name": "Safeguarding",
        "description": "Keeps children safe: the statutory safeguarding board.",
        "order": 3,
    },
    {
        "key": "participating",
        "name": "Participating",
        "description": "Gives partners, children and young people a voice.",
        "order": 4,
    },
    {
        "key": "delivering",
        "name": "Delivering",
        "description": "Delivers services in localities.",
        "order": 5,
    },
    {
        "key": "supporting",
        "name": "Supporting",
        "description": "Supports the trust's work.",
        "order": 6,
    },
]

# Bodies outside the partnership that its components report to (audit recommendations 5 and
# 12; the director's report to the Executive Board), and the reporting lines to them.
EXTERNAL_BODIES = [
    {
        "key": "leeds_initiative",
        "name": "Leeds Initiative",
        "kind": "Local strategic partnership",
        "notes": "Its Executive meetings receive the Children Leeds Partnership's minutes.",
    },
    {
        "key": "executive_board",
        "name": "Leeds City Council Executive Board",
        "kind": "Executive board",
        "notes": "Receives overview reports on the trust arrangements and approves the Plan.",
    },
    {
        "key": "area_committees",
        "name": "Leeds City Council Area Committees",
        "kind": "Area committees",
        "notes": "Audit recommendation 12: formal links with the partnership arrangements.",
    },
]
REPORTING_LINES = [
    {
        "from": "clp",
        "to_body": "leeds_initiative",
        "note": "Minutes, and key messages agreed at the end of each meeting (recommendation 5).",
    },
    {
        "from": "dcs_unit",
        "to_body": "executive_board",
        "note": "Overview reports on progress (February and September 2007, February 2008).",
    },
    {
        "from": "locality",
        "to_body": "area_committees",
        "note": "Through the locality enablers and the Area Delivery Plans (recommendation 12).",
    },
]

COMPONENTS = [
    {
        "key": "clp",
        "name": "Children Leeds Partnership",
        "short_name": "CLP",
        "function": "leading",
        "governing_document": "terms_of_reference",
        "description": (
            "The leading element of the trust arrangements. Leeds City Council directors "
            "attend its meetings, and it enables a wider range of partners to shape and "
            "engage with debate, policy and training, including the regular involvement of "
            "young people."
        ),
        "order": 1,
    },
    {
        "key": "iscb",
        "name": "Integrated Strategic Commissioning Board",
        "short_name": "ISCB",
        "function": "commissioning",
        "governing_document": "constitution",
        "description": (
            "Responsible for commissioning decisions under the commissioning strategy "
            "developed for the partnership, bringing senior partners together specifically "
            "around the commissioning agenda. It monitors the action plans of hosted "
            "priorities."
        ),
        "order": 2,
    },
    {
        "key": "lscb",
        "name": "Local Safeguarding Children Board",
        "short_name": "LSCB",
        "function": "safeguarding",
        "governing_document": "constitution",
        "description": (
            "The statutory safeguarding board. In 2007 its focus was on implementing the "
            "statutory requirements for the March 2008 deadline; it had not formally "
            "considered its risks or developed a risk register."
        ),
        "order": 3,
    },
    {
        "key": "open_forums",
        "name": "Open Forums",
        "short_name": "Open Forums",
        "function": "participating",
        "governing_document": "terms_of_reference",
        "description": (
            "Open events through which partners, children, young people and communities "
            "take part. The DCS and Lead Executive Member have used them to explain their "
            "roles, and children and young people hosted one."
        ),
        "order": 4,
    },
    {
        "key": "locality",
        "name": "Locality working",
        "short_name": "Locality",
        "function": "delivering",
        "governing_document": "terms_of_reference",
        "description": (
            "Area boards and five locality enablers who develop and deliver local CYPPs, "
            "based around the needs of the local area, that link back to the overarching "
            "Leeds CYPP."
        ),
        "order": 5,
    },
    {
        "key": "dcs_unit",
        "name": "Director of Children's Services Unit",
        "short_name": "DCS Unit",
        "function": "supporting",
        "governing_document": "terms_of_reference",
        "description": (
            "A non-operational unit which supports the role of the DCS from a strategic "
            "perspective. It keeps the trust's own risk register."
        ),
        "order": 6,
    },
]

# ---------------------------------------------------------------------------------------------
# Partners. Included: organisations the seeds name as part of, or partnering, the trust.
# Left out: the Audit Commission and KPMG (auditors), the University of East Anglia and the
# National Children's Bureau (authors of good-practice material), the Children's Workforce
# Development Council (a national body), and council bodies such as the Youth Council, Area
# Committees and Scrutiny (parts of Leeds City Council, not separate partners).
# Duty to co-operate: Children Act 2004 s.10 (the council makes the arrangements; the PCT,
# police and Learning and Skills Council are "relevant partners"). Schools and the voluntary
# sector are not under the duty (report Appendix C: front line education providers "aren't
# named amongst these partners").
# All signing dates are invented for the demo: the audit (3.4, 3.5) says only that "All key
# partners have signed up to the partnership" and "Partners have signed up to" the
# information sharing protocol. Two less central partners are left unsigned so the app can
# flag them.
# ---------------------------------------------------------------------------------------------
# The sectors the city's partners come from (the partnership's own list: trust.Sector).
SECTORS = [
    {"name": "Local authority", "description": "The council and its services.", "order": 1},
    {"name": "Health", "description": "The primary care trust and NHS trusts.", "order": 2},
    {"name": "Police", "description": "The police force and community safety.", "order": 3},
    {
        "name": "Education and schools",
        "description": "The schools service, schools, colleges and training providers.",
        "order": 4,
    },
    {
        "name": "Voluntary, community and faith sector",
        "description": "Charities, community groups and faith organisations.",
        "order": 5,
    },
    {"name": "Other", "description": "Organisations of no other sector.", "order": 6},
]

PARTNERS = [
    {
        "key": "leeds_city_council",
        "name": "Leeds City Council",
        "short_name": "LCC",
        "is_host_authority": True,
        "sector": "Local authority",
        "duty_to_cooperate": True,  # the authority that makes the s.10 arrangements
        "agreement_signed": datetime.date(2006, 9, 20),  # invented for the demo
        "isp_signed": datetime.date(2007, 2, 12),  # invented for the demo
        "notes": (
            "The accountable body. Concurrent executive responsibility delegated to Chief "
            "Officers for the Early Years Service and Children's Social Services."
        ),
    },
    {
        "key": "leeds_pct",
        "name": "Leeds Primary Care NHS Trust",
        "short_name": "Leeds PCT",
        "sector": "Health",
        "duty_to_cooperate": True,
        "agreement_signed": datetime.date(2006, 10, 4),  # invented for the demo
        "isp_signed": datetime.date(2007, 2, 12),  # invented for the demo
        "notes": (
            "Funds the shared post of Director of Commissioning and Planning - Children and "
            "Maternity Services. Hosts obesity, teenage conception and infant mortality."
        ),
    },
    {
        "key": "west_yorkshire_police",
        "name": "West Yorkshire Police",
        "short_name": "WYP",
        "sector": "Police",
        "duty_to_cooperate": True,
        "agreement_signed": datetime.date(2006, 10, 18),  # invented for the demo
        "isp_signed": datetime.date(2007, 3, 5),  # invented for the demo
        "notes": (
            "Attended one in three CLP, ISCB and LSCB meetings until the DCS wrote to all "
            "partners; has attended all relevant meetings since."
        ),
    },
    {
        "key": "education_leeds",
        "name": "Education Leeds",
        "short_name": "Education Leeds",
        "sector": "Education and schools",
        # Education Leeds is the council's arm's-length company that runs its education
        # service. It is not a s.10 "relevant partner" in its own right, but it discharges
        # the council's education functions, so the council's duty covers its work: True.
        "duty_to_cooperate": True,
        "agreement_signed": datetime.date(2006, 10, 4),  # invented for the demo
        "isp_signed": datetime.date(2007, 2, 12),  # invented for the demo
        "notes": (
            "Hosts the Anti-bullying Strategy. The DCS Unit's Strategic Lead for Resources "
            "and Assets is seconded from Education Leeds."
        ),
    },
    {
        "key": "vcf_sector",
        # The seeds mention the sector's seats (one on the ISCB, several on the CLP) but do
        # not name the representative body; the name below is descriptive.
        "name": "Leeds voluntary, community and faith sector",
        "short_name": "VCF sector",
        "sector": "Voluntary, community and faith sector",
        "duty_to_cooperate": False,
        "agreement_signed": datetime.date(2006, 11, 8),  # invented for the demo
        "isp_signed": datetime.date(2007, 4, 16),  # invented for the demo
        "notes": "Represented on the ISCB and (several seats) on the Children Leeds Partnership.",
    },
    {
        "key": "leeds_schools",
        "name": "Leeds schools",
        "short_name": "Schools",
        "sector": "Education and schools",
        "duty_to_cooperate": False,  # report Appendix C: schools are not yet under the duty
        "agreement_signed": datetime.date(2007, 1, 24),  # invented for the demo
        "isp_signed": None,  # invented for the demo: not signed, so the app can flag it
        "notes": (
            "Represented on the CLP; contribute to the Innovation Fund. The government "
            "consulted in 2008 on extending the duty to co-operate to schools."
        ),
    },
    {
        "key": "learning_skills_council",
        "name": "Learning and Skills Council",
        "short_name": "LSC",
        "sector": "Other",
        "duty_to_cooperate": True,  # a s.10 relevant partner
        "agreement_signed": datetime.date(2006, 11, 22),  # invented for the demo
        "isp_signed": None,  # invented for the demo
        "notes": "Partner for the 14-19 agenda; subject to structural change (2008 report).",
    },
    {
        "key": "leeds_initiative",
        "name": "Leeds Initiative",
        "short_name": "Leeds Initiative",
        "sector": "Other",
        "duty_to_cooperate": False,  # a partnership, not a body named in s.10
        # Included because recommendation 5 is about its link with the CLP. As the local
        # strategic partnership it sits above the trust and has signed neither document
        # (invented for the demo), which the app flags.
        "agreement_signed": None,
        "isp_signed": None,
        "notes": (
            "The local strategic partnership. Linked to the CLP via the 'Going up a League "
            "Executive' and the 'Narrowing the Gap Executive'."
        ),
    },
]

# ---------------------------------------------------------------------------------------------
# People. The nine officers named in Appendix 1 are real names from the audit; their job
# titles and e-mails are invented for the demo (Appendix 1 gives names only), placed in the
# DCS Unit at Leeds City Council unless a seed suggests otherwise. Everyone else is invented.
# ---------------------------------------------------------------------------------------------
PEOPLE = [
    # --- Named in Appendix 1 ---
    {
        "key": "barbara_newton",
        "name": "Barbara Newton",
        "job_title": "Head of Partnership and Governance, DCS Unit",  # invented for the demo
        "partner": "leeds_city_council",
        "email": "barbara.newton@example.org",
    },
    {
        "key": "adam_hewitt",
        "name": "Adam Hewitt",
        "job_title": "Partnership Development Officer, DCS Unit",  # invented for the demo
        "partner": "leeds_city_council",
        "email": "adam.hewitt@example.org",
    },
    {
        "key": "keith_burton",
        "name": "Keith Burton",
        "job_title": "Strategic Lead, Governance and Risk, DCS Unit",  # invented for the demo
        "partner": "leeds_city_council",
        "email": "keith.burton@example.org",
    },
    {
        "key": "john_maynard",
        "name": "John Maynard",
        "job_title": (
            "Strategic Lead, Performance and Information, DCS Unit"  # invented for the demo
        ),
        "partner": "leeds_city_council",
        "email": "john.maynard@example.org",
    },
    {
        "key": "sarah_sinclair",
        "name": "Sarah Sinclair",
        "job_title": "Integrated Working and Information Sharing Manager",  # invented for the demo
        "partner": "leeds_city_council",
        "email": "sarah.sinclair@example.org",
    },
    {
        # The 2008 report's originator, so in the DCS Unit; the title is invented.
        "key": "mariana_pexton",
        "name": "Mariana Pexton",
        "job_title": "Head of Policy and Performance, DCS Unit",  # invented for the demo
        "partner": "leeds_city_council",
        "email": "mariana.pexton@example.org",
    },
    {
        # Owns rec. 10 (the resources exercise), which audit 6.5 gives to "the strategic lead
        # for resources and assets within the DCS Unit"; we infer he holds that post. The
        # audit says the post is seconded from Education Leeds; as he works in the DCS Unit we
        # place him at the council.
        "key": "david_mcdermott",
        "name": "David McDermott",
        "job_title": (
            "Strategic Lead for Resources and Assets, DCS Unit (seconded from Education Leeds)"
        ),
        "partner": "leeds_city_council",
        "email": "david.mcdermott@example.org",  # invented for the demo
    },
    {
        # Named for the LSCB risk register (rec. 9); the LSCB is supported by the council.
        "key": "bryan_gocke",
        "name": "Bryan Gocke",
        "job_title": "Safeguarding Lead Officer, LSCB",  # invented for the demo
        "partner": "leeds_city_council",
        "email": "bryan.gocke@example.org",
    },
    {
        "key": "jackie_wilson",
        "name": "Jackie Wilson",
        "job_title": "LSCB Business Manager",  # invented for the demo
        "partner": "leeds_city_council",
        "email": "jackie.wilson@example.org",
    },
    # --- Invented for the demo: chairs and council officers the seeds name only by post ---
    {
        "key": "dcs",  # invented for the demo (the seeds do not name the DCS)
        "name": "Helen Ashworth",
        "job_title": "Director of Children's Services",
        "partner": "leeds_city_council",
        "email": "helen.ashworth@example.org",
    },
    {
        "key": "lead_member",  # invented for the demo (the seeds do not name the Lead Member)
        "name": "Councillor Peter Marsden",
        "job_title": "Lead Executive Member for Children's Services",
        "partner": "leeds_city_council",
        "email": "peter.marsden@example.org",
    },
    {
        # invented for the demo: audit 3.4 names the post (locality enablers report to it)
        "key": "deputy_dcs",
        "name": "Ruth Oldroyd",
        "job_title": "Deputy Director of Children's Services (Innovation and Change)",
        "partner": "leeds_city_council",
        "email": "ruth.oldroyd@example.org",
    },
    {
        # invented for the demo; an independent chair, seated through the council
        "key": "lscb_chair",
        "name": "Martin Kershaw",
        "job_title": "Independent Chair, Local Safeguarding Children Board",
        "partner": "leeds_city_council",
        "email": "martin.kershaw@example.org",
    },
    # --- Invented for the demo: partners' officers ---
    {
        # invented for the demo: audit 7.3 names the shared PCT/council post, not its holder
        "key": "pct_commissioning",
        "name": "Gillian Thwaite",
        "job_title": (
            "Director of Commissioning and Planning - Children and Maternity Services "
            "(shared post with Leeds City Council)"
        ),
        "partner": "leeds_pct",
        "email": "gillian.thwaite@example.org",
    },
    {
        "key": "pct_health_improvement",  # invented for the demo; the "pct" demo login
        "name": "Nadia Rahman",
        "job_title": "Head of Health Improvement, Children and Young People",
        "partner": "leeds_pct",
        "email": "nadia.rahman@example.org",
    },
    {
        "key": "pct_safeguarding",  # invented for the demo
        "name": "Lorna Baxendale",
        "job_title": "Designated Nurse, Safeguarding Children",
        "partner": "leeds_pct",
        "email": "lorna.baxendale@example.org",
    },
    {
        "key": "edl_director",  # invented for the demo
        "name": "Stephen Holroyd",
        "job_title": "Director of Inclusion, Education Leeds",
        "partner": "education_leeds",
        "email": "stephen.holroyd@example.org",
    },
    {
        "key": "edl_anti_bullying",  # invented for the demo; the "edleeds" demo login
        "name": "Joanne Fairburn",
        "job_title": "Anti-bullying Strategy Manager, Education Leeds",
        "partner": "education_leeds",
        "email": "joanne.fairburn@example.org",
    },
    {
        "key": "wyp_superintendent",  # invented for the demo
        "name": "Mark Sutcliffe",
        "job_title": "Detective Superintendent, Safeguarding, Leeds Districts",
        "partner": "west_yorkshire_police",
        "email": "mark.sutcliffe@example.org",
    },
    {
        "key": "vcf_rep",  # invented for the demo
        "name": "Yvonne Akhtar",
        "job_title": "Voluntary, community and faith sector representative",
        "partner": "vcf_sector",
        "email": "yvonne.akhtar@example.org",
    },
    {
        "key": "schools_rep",  # invented for the demo
        "name": "Alan Priestley",
        "job_title": "Headteacher, schools' representative on the CLP",
        "partner": "leeds_schools",
        "email": "alan.priestley@example.org",
    },
    {
        "key": "lsc_officer",  # invented for the demo
        "name": "Helen Crossley",
        "job_title": "Partnership Director, Learning and Skills Council (West Yorkshire)",
        "partner": "learning_skills_council",
        "email": "helen.crossley@example.org",
    },
]

# The roles members hold on components (the partnership's own list: trust.MembershipRole).
# The seeds name chairs and members; the others are the usual roles of such boards, here so
# that a board's terms of reference can use them (co-chairs, an independent chair).
MEMBERSHIP_ROLES = [
    {"key": "chair", "name": "Chair", "is_chair": True, "order": 10, "description": ""},
    {
        "key": "co_chair",
        "name": "Co-chair",
        "is_chair": True,
        "order": 20,
        "description": "Chairs the meetings jointly with another co-chair.",
    },
    {"key": "vice_chair", "name": "Vice-chair", "is_chair": False, "order": 30, "description": ""},
    {"key": "member", "name": "Member", "is_chair": False, "order": 40, "description": ""},
    {
        "key": "adviser",
        "name": "Adviser",
        "is_chair": False,
        "order": 50,
        "description": "Advises the board; not a voting member.",
    },
    {
        "key": "secretary",
        "name": "Secretary",
        "is_chair": False,
        "order": 60,
        "description": "Keeps the board's papers and minutes.",
    },
    {
        "key": "independent",
        "name": "Independent member",
        "is_chair": False,
        "order": 70,
        "description": "A member of no partner organisation.",
    },
]

# ---------------------------------------------------------------------------------------------
# Memberships. Seats are invented for the demo except: the police sit on the CLP, ISCB and
# LSCB (audit 7.3); the voluntary sector has a seat on the ISCB and several on the CLP, and
# schools are represented on the CLP (report Appendix C); council directors attend the CLP
# (audit 7.4); the PCT funds a shared post in the DCS Unit (audit 7.3). One chair each.
# ---------------------------------------------------------------------------------------------
MEMBERSHIPS = [
    # Children Leeds Partnership
    {
        "component": "clp",
        "represents": "leeds_city_council",
        "person": "lead_member",
        "role": "chair",
    },
    {
        "component": "clp",
        "represents": "leeds_pct",
        "person": "pct_commissioning",
        "role": "member",
    },
    {
        "component": "clp",
        "represents": "west_yorkshire_police",
        "person": "wyp_superintendent",
        "role": "member",
    },
    {
        "component": "clp",
        "represents": "education_leeds",
        "person": "edl_director",
        "role": "member",
    },
    {"component": "clp", "represents": "vcf_sector", "person": "vcf_rep", "role": "member"},
    {
        "component": "clp",
        "represents": "leeds_schools",
        "person": "schools_rep",
        "role": "member",
    },
    {
        "component": "clp",
        "represents": "learning_skills_council",
        "person": "lsc_officer",
        "role": "member",
    },
    # Integrated Strategic Commissioning Board
    {
        "component": "iscb",
        "represents": "leeds_city_council",
        "person": "dcs",
        "role": "chair",
    },
    {
        "component": "iscb",
        "represents": "leeds_pct",
        "person": "pct_commissioning",
        "role": "member",
    },
    {
        "component": "iscb",
        "represents": "west_yorkshire_police",
        "person": "wyp_superintendent",
        "role": "member",
    },
    {
        "component": "iscb",
        "represents": "education_leeds",
        "person": "edl_director",
        "role": "member",
    },
    {"component": "iscb", "represents": "vcf_sector", "person": "vcf_rep", "role": "member"},
    # Local Safeguarding Children Board
    {
        "component": "lscb",
        "represents": "leeds_city_council",
        "person": "lscb_chair",
        "role": "chair",
    },
    {
        "component": "lscb",
        "represents": "leeds_pct",
        "person": "pct_safeguarding",
        "role": "member",
    },
    {
        "component": "lscb",
        "represents": "west_yorkshire_police",
        "person": "wyp_superintendent",
        "role": "member",
    },
    {
        "component": "lscb",
        "represents": "education_leeds",
        "person": "edl_anti_bullying",
        "role": "member",
    },
    {"component": "lscb", "represents": "vcf_sector", "person": "vcf_rep", "role": "member"},
    # Open Forums
    {
        "component": "open_forums",
        "represents": "leeds_city_council",
        "person": "lead_member",
        "role": "chair",
    },
    {
        "component": "open_forums",
        "represents": "leeds_pct",
        "person": "pct_health_improvement",
        "role": "member",
    },
    {
        "component": "open_forums",
        "represents": "education_leeds",
        "person": "edl_anti_bullying",
        "role": "member",
    },
    {
        "component": "open_forums",
        "represents": "vcf_sector",
        "person": "vcf_rep",
        "role": "member",
    },
    {
        "component": "open_forums",
        "represents": "west_yorkshire_police",
        "person": None,
        "role": "member",
    },
    # Locality working
    {
        "component": "locality",
        "represents": "leeds_city_council",
        "person": "deputy_dcs",
        "role": "chair",
    },
    {
        "component": "locality",
        "represents": "leeds_pct",
        "person": "pct_health_improvement",
        "role": "member",
    },
    {
        "component": "locality",
        "represents": "education_leeds",
        "person": "edl_director",
        "role": "member",
    },
    {
        "component": "locality",
        "represents": "west_yorkshire_police",
        "person": "wyp_superintendent",
        "role": "member",
    },
    {
        "component": "locality",
        "represents": "vcf_sector",
        "person": "vcf_rep",
        "role": "member",
    },
    {
        "component": "locality",
        "represents": "leeds_schools",
        "person": "schools_rep",
        "role": "member",
    },
    # DCS Unit
    {
        "component": "dcs_unit",
        "represents": "leeds_city_council",
        "person": "dcs",
        "role": "chair",
    },
    {
        "component": "dcs_unit",
        "represents": "leeds_pct",
        "person": "pct_commissioning",
        "role": "member",
    },
]

# ---------------------------------------------------------------------------------------------
# Meetings. From the seeds: police attendance at one in three CLP, ISCB and LSCB meetings,
# then at all of them after the DCS's letter to partners (audit 7.3); the CLP risk register
# meeting of 5 September 2007 and ISCB meetings in September and October 2007 (Appendix 1,
# recs 9 and 10); an Open Forum hosted by children and young people (audit 7.5); the Open
# Forum launching the plan consultation in January 2008 and a special CLP meeting with young
# people in October 2008 (2008 report 4.3, 4.5).
# Attendance is per person: each member's seat on the component is present when its partner
# is in "attended", sent a substitute when named in "substitutes", sent apologies when in
# "apologies", and absent otherwise; "in_attendance" names officers who are not members.
# Invented for the demo: the exact days, the other partners' attendance, and the date of the
# DCS's letter, taken as late September 2007 - so in each board the last 2007 meeting (after
# the letter) is one of the two the police attended, consistent with "since this action was
# taken ... West Yorkshire Police have attended all of the relevant meetings".
# ---------------------------------------------------------------------------------------------
_LCC = "leeds_city_council"
_PCT = "leeds_pct"
_WYP = "west_yorkshire_police"
_EDL = "education_leeds"
_VCF = "vcf_sector"
_SCH = "leeds_schools"
_LSC = "learning_skills_council"

MEETINGS = [
    # Children Leeds Partnership, 2007 (police 2 of 6)
    {
        "component": "clp",
        "date": datetime.date(2007, 1, 17),
        "title": "Children Leeds Partnership",
        "attended": [_LCC, _PCT, _EDL, _VCF, _SCH, _LSC],
    },
    {
        "component": "clp",
        "date": datetime.date(2007, 3, 21),
        "title": "Children Leeds Partnership",
        "attended": [_LCC, _PCT, _EDL, _VCF, _LSC],
        # Invented for the demo: the police sent apologies (it still missed the meeting).
        "apologies": [_WYP, _SCH],
    },
    {
        "component": "clp",
        "date": datetime.date(2007, 5, 16),
        "title": "Children Leeds Partnership: annual review of the CYPP",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF, _SCH],
    },
    {
        "component": "clp",
        "date": datetime.date(2007, 7, 11),
        "title": "Children Leeds Partnership",
        "attended": [_LCC, _PCT, _EDL, _SCH, _LSC],
    },
    {
        "component": "clp",
        "date": datetime.date(2007, 9, 5),
        "title": "Children Leeds Partnership: proportionate risk register",
        "attended": [_LCC, _PCT, _EDL, _VCF, _SCH, _LSC],
        # Invented: the risk manager in attendance to present the register.
        "in_attendance": ["jackie_wilson"],
    },
    {
        "component": "clp",
        "date": datetime.date(2007, 10, 17),
        "title": "Children Leeds Partnership: key messages for the Leeds Initiative",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF, _SCH],
    },
    # Children Leeds Partnership, 2008 (police at all)
    {
        "component": "clp",
        "date": datetime.date(2008, 2, 13),
        "title": "Children Leeds Partnership: Governance Seminar feedback",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF, _SCH],
    },
    {
        "component": "clp",
        "date": datetime.date(2008, 6, 11),
        "title": "Children Leeds Partnership: 2008 review of the CYPP",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF, _SCH, _LSC],
    },
    {
        "component": "clp",
        "date": datetime.date(2008, 10, 15),
        "title": "Children Leeds Partnership: special meeting on the CYP Plan '09 and beyond",
        "attended": [],  # scheduled: after DEMO_DAY
    },
    # Integrated Strategic Commissioning Board, 2007 (police 2 of 6)
    {
        "component": "iscb",
        "date": datetime.date(2007, 1, 25),
        "title": "Integrated Strategic Commissioning Board",
        "attended": [_LCC, _PCT, _EDL, _VCF],
    },
    {
        "component": "iscb",
        "date": datetime.date(2007, 3, 22),
        "title": "Integrated Strategic Commissioning Board: hosting agreements",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF],
    },
    {
        "component": "iscb",
        "date": datetime.date(2007, 5, 24),
        "title": "Integrated Strategic Commissioning Board",
        "attended": [_LCC, _PCT, _EDL],
        "apologies": [_VCF],
    },
    {
        "component": "iscb",
        "date": datetime.date(2007, 7, 19),
        "title": "Integrated Strategic Commissioning Board",
        "attended": [_LCC, _PCT, _EDL, _VCF],
    },
    {
        "component": "iscb",
        "date": datetime.date(2007, 9, 20),
        "title": "Integrated Strategic Commissioning Board: resources report and risk register",
        "attended": [_LCC, _PCT, _EDL, _VCF],
    },
    {
        "component": "iscb",
        "date": datetime.date(2007, 10, 25),
        "title": "Integrated Strategic Commissioning Board: risk management plan and priorities",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF],
    },
    # Integrated Strategic Commissioning Board, 2008 (police at all)
    {
        "component": "iscb",
        "date": datetime.date(2008, 1, 24),
        "title": "Integrated Strategic Commissioning Board: budget priorities across partners",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF],
    },
    {
        "component": "iscb",
        "date": datetime.date(2008, 4, 24),
        "title": "Integrated Strategic Commissioning Board: hosted priorities monitoring",
        "attended": [_LCC, _PCT, _WYP, _EDL],
    },
    {
        "component": "iscb",
        "date": datetime.date(2008, 9, 25),
        "title": "Integrated Strategic Commissioning Board: CYP Plan 2009 workshop",
        "attended": [],  # scheduled: after DEMO_DAY
    },
    # Local Safeguarding Children Board, 2007 (police 2 of 6)
    {
        "component": "lscb",
        "date": datetime.date(2007, 1, 30),
        "title": "Local Safeguarding Children Board",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF],
    },
    {
        "component": "lscb",
        "date": datetime.date(2007, 3, 27),
        "title": "Local Safeguarding Children Board",
        "attended": [_LCC, _PCT, _EDL, _VCF],
    },
    {
        "component": "lscb",
        "date": datetime.date(2007, 5, 29),
        "title": "Local Safeguarding Children Board",
        "attended": [_LCC, _PCT, _EDL],
    },
    {
        "component": "lscb",
        "date": datetime.date(2007, 7, 24),
        "title": "Local Safeguarding Children Board: business plan",
        "attended": [_LCC, _PCT, _EDL, _VCF],
    },
    {
        "component": "lscb",
        "date": datetime.date(2007, 9, 18),
        "title": "Local Safeguarding Children Board",
        "attended": [_LCC, _EDL, _VCF],
        # Invented: the PCT's safeguarding lead sent a colleague in her place.
        "substitutes": {_PCT: "pct_health_improvement"},
    },
    {
        "component": "lscb",
        "date": datetime.date(2007, 10, 30),
        "title": "Local Safeguarding Children Board: statutory requirements for March 2008",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF],
    },
    # Local Safeguarding Children Board, 2008 (police at all)
    {
        "component": "lscb",
        "date": datetime.date(2008, 1, 29),
        "title": "Local Safeguarding Children Board",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF],
    },
    {
        "component": "lscb",
        "date": datetime.date(2008, 3, 25),
        "title": "Local Safeguarding Children Board: statutory deadline",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF],
    },
    {
        "component": "lscb",
        "date": datetime.date(2008, 7, 22),
        "title": "Local Safeguarding Children Board",
        "attended": [_LCC, _PCT, _WYP, _EDL],
    },
    # Open Forums
    {
        "component": "open_forums",
        "date": datetime.date(2007, 2, 28),
        "title": "Open Forum: the roles of the DCS and the Lead Executive Member",
        "attended": [_LCC, _PCT, _EDL, _VCF],
    },
    {
        "component": "open_forums",
        "date": datetime.date(2007, 6, 27),
        "title": "Open Forum hosted by children and young people (with anti-bullying role-plays)",
        "attended": [_LCC, _PCT, _EDL, _VCF],
    },
    {
        "component": "open_forums",
        "date": datetime.date(2008, 1, 30),
        "title": "Open Forum: launch of the consultation on the CYP Plan 2009 and beyond",
        "attended": [_LCC, _PCT, _WYP, _EDL, _VCF],
    },
]

# ---------------------------------------------------------------------------------------------
# The plan, its outcomes and the 2008 priorities (report Appendix B, verbatim).
# ---------------------------------------------------------------------------------------------
PLAN = {
    "title": "Every Child Matters – The Children and Young People's Plan for Leeds 2006 to 2009",
    "start_year": 2006,
    "end_year": 2009,
}

OUTCOMES = [
    {"key": "be_healthy", "name": "Be healthy", "order": 1},
    {"key": "stay_safe", "name": "Stay safe", "order": 2},
    {"key": "enjoy_achieve", "name": "Enjoy and achieve", "order": 3},
    {"key": "positive_contribution", "name": "Make a positive contribution", "order": 4},
    {"key": "economic_wellbeing", "name": "Achieve economic well-being", "order": 5},
]

# The outcome of each priority is our mapping; Appendix B does not give one.
PRIORITIES = [
    {"number": 1, "title": "Active and eat healthily", "outcome": "be_healthy"},
    # Emotional health and well-being sit under Be healthy in Every Child Matters.
    {"number": 2, "title": "Happy and resilient", "outcome": "be_healthy"},
    {
        "number": 3,
        "title": "Able to make healthy choices about sex and relationships",
        "outcome": "be_healthy",
    },
    {"number": 4, "title": "Safe in their families and safe in care", "outcome": "stay_safe"},
    {"number": 5, "title": "Safe in their communities", "outcome": "stay_safe"},
    {"number": 6, "title": "In school and achieving", "outcome": "enjoy_achieve"},
    {"number": 7, "title": "Able to make a good start in learning", "outcome": "enjoy_achieve"},
    {"number": 8, "title": "Engaged in positive activities", "outcome": "positive_contribution"},
    {"number": 9, "title": "Succeeding in learning or work", "outcome": "economic_wellbeing"},
    # "Whatever the barriers" is about narrowing the gap for vulnerable groups; the closest
    # ECM outcome is economic well-being (not being held back by disadvantage).
    {
        "number": 10,
        "title": "Able to succeed, whatever the barriers",
        "outcome": "economic_wellbeing",
    },
    # About how services work, not an outcome for children: like the Corporate Plan's sixth
    # heading, "the Change for Children Programme" (audit 4.4), it has no ECM outcome.
    {"number": 11, "title": "Supported by excellent, integrated services", "outcome": None},
]

# ---------------------------------------------------------------------------------------------
# Indicators. The seeds give no figures; the measures are ones the seeds point at (obesity,
# teenage conceptions, infant mortality, anti-bullying, attendance, GCSE results, NEET).
# ---------------------------------------------------------------------------------------------
INDICATORS = [
    {
        "key": "obesity_reception",
        "priority": 1,
        "name": "Obese children in Reception Year (National Child Measurement Programme)",
        "unit": "%",
        "baseline": 9.9,  # illustrative figures invented for the demo
        "baseline_period": "2005/06",
        "target": 9.3,  # illustrative figures invented for the demo
        "target_period": "2008/09",
        "higher_is_better": False,
        "values": [  # illustrative figures invented for the demo
            ("2006/07", datetime.date(2007, 8, 31), 9.7),
            ("2007/08", datetime.date(2008, 8, 31), 9.5),
        ],
    },
    {
        "key": "obesity_year6",
        "priority": 1,
        "name": "Obese children in Year 6 (National Child Measurement Programme)",
        "unit": "%",
        "baseline": 18.6,  # illustrative figures invented for the demo
        "baseline_period": "2005/06",
        "target": 18.0,  # illustrative figures invented for the demo
        "target_period": "2008/09",
        "higher_is_better": False,
        "values": [  # illustrative figures invented for the demo
            ("2006/07", datetime.date(2007, 8, 31), 18.9),
            ("2007/08", datetime.date(2008, 8, 31), 19.1),
        ],
    },
    {
        "key": "under18_conceptions",
        "priority": 3,
        "name": "Under-18 conception rate",
        "unit": "per 1,000 girls aged 15-17",
        "baseline": 53.6,  # illustrative figures invented for the demo
        "baseline_period": "1998",
        "target": 29.5,  # illustrative figures invented for the demo
        "target_period": "2010",
        "higher_is_better": False,
        "values": [  # illustrative figures invented for the demo
            ("2005", datetime.date(2005, 12, 31), 48.3),
            ("2006", datetime.date(2006, 12, 31), 50.7),
            ("2007", datetime.date(2007, 12, 31), 49.9),
        ],
    },
    {
        "key": "infant_mortality",
        "priority": 10,
        "name": "Infant mortality rate (three-year average)",
        "unit": "per 1,000 live births",
        "baseline": 6.9,  # illustrative figures invented for the demo
        "baseline_period": "2002-04",
        "target": 5.5,  # illustrative figures invented for the demo
        "target_period": "2008-10",
        "higher_is_better": False,
        "values": [  # illustrative figures invented for the demo
            ("2004-06", datetime.date(2006, 12, 31), 6.6),
            ("2005-07", datetime.date(2007, 12, 31), 6.4),
        ],
    },
    {
        "key": "bullied",
        "priority": 5,
        "name": "Pupils reporting they have been bullied in the last year (pupil survey)",
        "unit": "%",
        "baseline": 28.0,  # illustrative figures invented for the demo
        "baseline_period": "2006",
        "target": 20.0,  # illustrative figures invented for the demo
        "target_period": "2009",
        "higher_is_better": False,
        "values": [  # illustrative figures invented for the demo
            ("2007", datetime.date(2007, 7, 31), 25.0),
            ("2008", datetime.date(2008, 7, 31), 22.0),
        ],
    },
    {
        "key": "secondary_attendance",
        "priority": 6,
        "name": "Attendance in secondary schools (half-days attended)",
        "unit": "%",
        "baseline": 91.2,  # illustrative figures invented for the demo
        "baseline_period": "2005/06",
        "target": 92.5,  # illustrative figures invented for the demo
        "target_period": "2008/09",
        "higher_is_better": True,
        "values": [  # illustrative figures invented for the demo
            ("2006/07", datetime.date(2007, 8, 31), 91.4),
            ("2007/08", datetime.date(2008, 8, 31), 91.6),
        ],
    },
    {
        "key": "gcse_5ac",
        "priority": 6,
        "name": "Pupils achieving 5 or more GCSEs at grades A*-C",
        "unit": "%",
        "baseline": 55.0,  # illustrative figures invented for the demo
        "baseline_period": "2005/06",
        "target": 62.0,  # illustrative figures invented for the demo
        "target_period": "2008/09",
        "higher_is_better": True,
        "values": [  # illustrative figures invented for the demo
            ("2006/07", datetime.date(2007, 8, 31), 58.1),
            ("2007/08", datetime.date(2008, 8, 31), 61.0),
        ],
    },
    {
        "key": "neet",
        "priority": 9,
        "name": "16-18 year olds not in education, employment or training (NEET)",
        "unit": "%",
        "baseline": 9.4,  # illustrative figures invented for the demo
        "baseline_period": "2005/06",
        "target": 7.8,  # illustrative figures invented for the demo
        "target_period": "2010",
        "higher_is_better": False,
        "values": [  # illustrative figures invented for the demo
            ("2006/07", datetime.date(2007, 3, 31), 9.1),
            ("2007/08", datetime.date(2008, 3, 31), 9.0),
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Hosted priorities: exactly those audit 4.3 names. Leeds PCT "has taken principal
# accountability" for obesity, teenage conception rates and infant mortality; Education Leeds
# hosts the Anti-bullying Strategy "working in partnership with the Early Years and Youth
# Service and Children's Social Services" (council services, so the contributor is the
# council). Monitored by the ISCB (audit 4.3). Kinds, contributors, dates, checklist answers
# and actions are invented for the demo. Two deliberate gaps for the app to flag: teenage
# conception is not yet appended to the PCT's strategy; infant mortality has no action plan.
# ---------------------------------------------------------------------------------------------
HOSTED_PRIORITIES = [
    {
        "key": "reducing_obesity",
        "title": "Reducing childhood obesity",
        "priority": 1,
        "host": "leeds_pct",
        # The audit's own example of hosting: obesity "links to several areas, such as
        # health, education and sport", so one partner represents all of them.
        "kind": "hosted",
        "contributors": ["leeds_city_council", "education_leeds"],
        "director_signed": datetime.date(2007, 4, 19),  # invented for the demo
        "host_signed": datetime.date(2007, 4, 2),  # invented for the demo
        "risk_assessment_done": True,
        "appended_to_strategy": True,
        "monitoring_component": "iscb",
        "actions": [  # invented for the demo
            {
                "description": (
                    "Commission a family-based healthy weight programme in the three "
                    "areas with the highest Year 6 obesity."
                ),
                "owner": "pct_health_improvement",
                "timescale": "March 2008",
                "status": "complete",
                "updates": [
                    {
                        "date": datetime.date(2008, 4, 10),
                        "note": "Provider appointed; first families referred in April 2008.",
                        "rag": "green",
                        "by": "pct_health_improvement",
                    },
                ],
            },
            {
                "description": (
                    "Extend healthy schools cooking and physical activity work to every "
                    "primary school cluster."
                ),
                "owner": "edl_director",
                "timescale": "Summer 2008",
                "status": "in_progress",
                "updates": [
                    {
                        "date": datetime.date(2008, 7, 18),
                        "note": "Running in 14 of 22 clusters; the rest start in September.",
                        "rag": "amber",
                        "by": "edl_director",
                    },
                ],
            },
            {
                "description": (
                    "Report National Child Measurement Programme results to the ISCB each year."
                ),
                "owner": "pct_health_improvement",
                "timescale": "Ongoing",
                "status": "in_progress",
                "updates": [],
            },
        ],
    },
    {
        "key": "teenage_conception",
        "title": "Reducing teenage conception rates",
        "priority": 3,
        "host": "leeds_pct",
        "kind": "hosted",  # sex and relationships education and youth work contribute
        "contributors": ["leeds_city_council", "education_leeds"],
        "director_signed": datetime.date(2007, 5, 17),  # invented for the demo
        "host_signed": datetime.date(2007, 5, 3),  # invented for the demo
        "risk_assessment_done": True,
        # invented for the demo: the gap the app should flag (not yet in the PCT's strategy)
        "appended_to_strategy": False,
        "monitoring_component": "iscb",
        "actions": [  # invented for the demo
            {
                "description": (
                    "Open young people's sexual health drop-ins in the five wedges with "
                    "the highest under-18 conception rates."
                ),
                "owner": "pct_health_improvement",
                "timescale": "December 2007",
                "status": "complete",
                "updates": [
                    {
                        "date": datetime.date(2007, 12, 14),
                        "note": "Four drop-ins open; the fifth delayed by premises.",
                        "rag": "amber",
                        "by": "pct_health_improvement",
                    },
                    {
                        "date": datetime.date(2008, 2, 8),
                        "note": "All five drop-ins open.",
                        "rag": "green",
                        "by": "pct_health_improvement",
                    },
                ],
            },
            {
                "description": (
                    "Train staff in secondary schools to deliver sex and relationships "
                    "education to the agreed standard."
                ),
                "owner": "edl_director",
                "timescale": "July 2008",
                "status": "in_progress",
                "updates": [
                    {
                        "date": datetime.date(2008, 7, 25),
                        "note": (
                            "Half of secondary schools trained. The 2008 review of the plan "
                            "still names teenage conceptions as a key challenge."
                        ),
                        "rag": "red",
                        "by": "edl_director",
                    },
                ],
            },
        ],
    },
    {
        "key": "infant_mortality",
        "title": "Reducing infant mortality",
        "priority": 10,  # an inequalities ("narrowing the gap") target; see PRIORITIES
        "host": "leeds_pct",
        # A clear health service lead, like the audit's "core" example of dental care for
        # looked after children: modelled as core, so no contributors.
        "kind": "core",
        "contributors": [],
        "director_signed": datetime.date(2007, 6, 21),  # invented for the demo
        "host_signed": datetime.date(2007, 6, 7),  # invented for the demo
        "risk_assessment_done": True,
        "appended_to_strategy": True,
        "monitoring_component": "iscb",
        "actions": [],  # invented for the demo: the action plan is missing (the app flags it)
    },
    {
        "key": "anti_bullying",
        "title": "Anti-bullying Strategy",
        "priority": 5,
        "host": "education_leeds",
        "kind": "hosted",
        "contributors": ["leeds_city_council"],
        "director_signed": datetime.date(2007, 3, 15),  # invented for the demo
        "host_signed": datetime.date(2007, 3, 1),  # invented for the demo
        "risk_assessment_done": True,
        "appended_to_strategy": True,
        "monitoring_component": "iscb",
        "actions": [  # invented for the demo
            {
                "description": (
                    "Every school to adopt an anti-bullying policy meeting the Leeds standard."
                ),
                "owner": "edl_anti_bullying",
                "timescale": "December 2007",
                "status": "complete",
                "updates": [
                    {
                        "date": datetime.date(2008, 1, 11),
                        "note": "All but six schools had adopted the standard by December.",
                        "rag": "amber",
                        "by": "edl_anti_bullying",
                    },
                    {
                        "date": datetime.date(2008, 3, 7),
                        "note": "All schools now compliant.",
                        "rag": "green",
                        "by": "edl_anti_bullying",
                    },
                ],
            },
            {
                "description": (
                    "Youth Service and Children's Social Services to adopt the same "
                    "anti-bullying approach in youth settings and residential care."
                ),
                "owner": "edl_anti_bullying",
                "timescale": "Spring 2008",
                "status": "complete",
                "updates": [
                    {
                        "date": datetime.date(2008, 5, 30),
                        "note": "Adopted by both services; training delivered jointly.",
                        "rag": "green",
                        "by": "edl_anti_bullying",
                    },
                ],
            },
            {
                "description": (
                    "Repeat the pupil survey on bullying and report the results to the ISCB."
                ),
                "owner": "edl_anti_bullying",
                "timescale": "October 2008",
                "status": "in_progress",
                "updates": [],
            },
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# The audit.
# ---------------------------------------------------------------------------------------------
AUDIT = {
    "title": "Children and Young People's Agenda – Partnership Working",
    # The report is KPMG's under the Audit Commission Code of Audit Practice (cover and 2.1).
    "auditor": "KPMG LLP for the Audit Commission",
    "audited_body": "Leeds City Council",
    "report_date": datetime.date(2007, 11, 1),
    "reference": "2006/07 Audit and Inspection Plan",
}

# ---------------------------------------------------------------------------------------------
# Recommendations: number, section and text from the report body; priority, management
# response and "Responsibility and timescale" from Appendix 1. Appendix 1 glitches fixed:
# recommendation 4 is misprinted "1" and the rec-11 row starts "1 1"; priorities printed
# "* *" (rec 9) and "* * *" (rec 10) read as "**" and "***"; a response sentence split across
# rows (rec 11, "explored to / consider") rejoined. Each response sentence is an action,
# except rec 3's cross-reference "See also action 2 above." (kept in the response text).
# Statuses and progress updates are as things plausibly stood in late 2008, invented for the
# demo from the 2008 report (reasons in comments). Where a cell names two officers the action
# owner is the first named.
# ---------------------------------------------------------------------------------------------
RECOMMENDATIONS = [
    {
        "number": "1",
        "section": "3.3",
        "priority": "**",
        "text": (
            "The Director of Children's Services should ensure that all partners within the "
            "trust arrangements are aware of the structure of the arrangements and the "
            "rationale for this. They should also be made aware of the functions of each of "
            "the components within the structure. The Director of Children's Services needs to "
            "review the outcomes of the Governance Seminar to ensure that this had the desired "
            "result."
        ),
        "management_response": (
            "Draw attention to structure diagram and briefing pack on Children Leeds website.\n"
            "Outcomes of Governance seminar fed back to individual boards for action planning.\n"
            "Self-evaluation process to be incorporated into 2008 Governance."
        ),
        "responsibility": (
            "Barbara Newton & Adam Hewitt – October 2007 By December 2007 Spring 2008"
        ),
        "timescale": "October 2007 By December 2007 Spring 2008",
        "responsible_officers": ["barbara_newton", "adam_hewitt"],
        "components": ["clp", "iscb", "lscb", "open_forums", "locality", "dcs_unit"],
        "related": [],
        # In progress: the first two steps are done, but the 2008 report (3.53) says the key
        # messages of the latest Governance Seminar are still to be disseminated.
        "status": "in_progress",
        "actions": [
            {
                "description": (
                    "Draw attention to structure diagram and briefing pack on Children Leeds "
                    "website."
                ),
                "owner": "barbara_newton",  # cell names Barbara Newton & Adam Hewitt
                "timescale": "October 2007",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 10, 26),
                        "note": (
                            "Structure diagram and briefing pack featured in the ECM Update "
                            "and linked from the Children Leeds website home page."
                        ),
                        "rag": "green",
                        "by": "adam_hewitt",
                    },
                ],
            },
            {
                "description": (
                    "Outcomes of Governance seminar fed back to individual boards for action "
                    "planning."
                ),
                "owner": "barbara_newton",
                "timescale": "By December 2007",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 12, 12),
                        "note": "Seminar outcomes taken to the CLP, ISCB and LSCB for action.",
                        "rag": "green",
                        "by": "barbara_newton",
                    },
                ],
            },
            {
                "description": "Self-evaluation process to be incorporated into 2008 Governance.",
                "owner": "barbara_newton",
                "timescale": "Spring 2008",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 5, 30),
                        "note": (
                            "Self-evaluation folded into a second Governance Seminar with "
                            "partners and elected members; Spring 2008 date missed."
                        ),
                        "rag": "amber",
                        "by": "barbara_newton",
                    },
                    {
                        "date": datetime.date(2008, 8, 20),
                        "note": (
                            "Seminar held. Key messages to go to partners and to the Corporate "
                            "Governance and Audit Committee in October."
                        ),
                        "rag": "amber",
                        "by": "adam_hewitt",
                    },
                ],
            },
        ],
    },
    {
        "number": "2",
        "section": "3.3",
        "priority": "**",
        "text": (
            "The Director of Children's Services needs to ensure that there is a cohesive fit "
            "of the six components of the trust arrangements to ensure that there is effective "
            "working between them and to ensure there is no duplication of work. A Memorandum "
            "of Understanding could be developed to demonstrate this, this could include the "
            "terms of reference of each component and roles and responsibilities of partners."
        ),
        "management_response": (
            "Memorandum of understanding to be developed to include conflict resolution "
            "procedures.\n"
            "Ongoing review of operation of six elements of children's trust, incorporating "
            "JAR feedback."
        ),
        "responsibility": "Barbara Newton – November 2007",
        "timescale": "November 2007",
        "responsible_officers": ["barbara_newton"],
        "components": ["clp", "iscb", "lscb", "open_forums", "locality", "dcs_unit"],
        "related": [],
        # In progress: the 2008 report does not mention a finished Memorandum, and the
        # review of the trust arrangements continues in light of the national consultation.
        "status": "in_progress",
        "actions": [
            {
                "description": (
                    "Memorandum of understanding to be developed to include conflict "
                    "resolution procedures."
                ),
                "owner": "barbara_newton",
                "timescale": "November 2007",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 11, 30),
                        "note": (
                            "First draft with board chairs; conflict resolution section waits "
                            "for Legal & Domestic's paragraphs (rec. 3)."
                        ),
                        "rag": "amber",
                        "by": "barbara_newton",
                    },
                    {
                        "date": datetime.date(2008, 7, 4),
                        "note": (
                            "Final version held until the government's consultation on "
                            "statutory children's trust boards reports."
                        ),
                        "rag": "red",
                        "by": "barbara_newton",
                    },
                ],
            },
            {
                "description": (
                    "Ongoing review of operation of six elements of children's trust, "
                    "incorporating JAR feedback."
                ),
                "owner": "barbara_newton",
                # Appendix 1 gives the row one timescale ("November 2007"), which we read as
                # the Memorandum's; this line is itself an ongoing review.
                "timescale": "Ongoing",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 3, 14),
                        "note": (
                            "JAR feedback (praise for the innovative trust arrangements) "
                            "taken into the review of the six elements."
                        ),
                        "rag": "green",
                        "by": "barbara_newton",
                    },
                ],
            },
        ],
    },
    {
        "number": "3",
        "section": "3.4",
        "priority": "**",
        "text": (
            "The Director of Children's Services should develop and agree conflict resolution "
            "procedures and an exit strategy, for the constituted components of the Children's "
            "Trust arrangements, to ensure there is a contingency plan if things were to go "
            "wrong. This could then be linked to risks of this nature in the relevant risk "
            "registers (see also recommendation 9). This could be reflected in the Memorandum "
            "of Understanding, as noted in recommendation 2."
        ),
        "management_response": (
            "Legal & Domestic services drafting conflict resolution and exit strategy "
            "paragraphs for insertion in formal constitution of ISCB, CLP & LSCB.\n"
            "Risk registers for ISCB, CLP & LSCB to be updated to this effect.\n"
            "See also action 2 above."
        ),
        "responsibility": "Keith Burton – October – December 2007 October 2007",
        "timescale": "October – December 2007 October 2007",
        "responsible_officers": ["keith_burton"],
        "components": ["clp", "iscb", "lscb"],
        "related": ["2", "9"],
        # In progress: the LSCB still has no risk register to update (rec. 9), and no
        # evidence in 2008 that the constitutions were amended.
        "status": "in_progress",
        "actions": [
            {
                "description": (
                    "Legal & Domestic services drafting conflict resolution and exit strategy "
                    "paragraphs for insertion in formal constitution of ISCB, CLP & LSCB."
                ),
                "owner": "keith_burton",
                "timescale": "October – December 2007",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 1, 18),
                        "note": (
                            "Draft paragraphs agreed for the ISCB; CLP and LSCB wording to "
                            "follow the LSCB's March 2008 statutory changes."
                        ),
                        "rag": "amber",
                        "by": "keith_burton",
                    },
                ],
            },
            {
                "description": "Risk registers for ISCB, CLP & LSCB to be updated to this effect.",
                "owner": "keith_burton",
                "timescale": "October 2007",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 10, 31),
                        "note": "ISCB and CLP registers updated; the LSCB has no register yet.",
                        "rag": "amber",
                        "by": "keith_burton",
                    },
                ],
            },
        ],
    },
    {
        "number": "4",  # misprinted "1" in Appendix 1
        "section": "3.5",
        "priority": "**",
        "text": (
            "The Director of Children's Services should regularly remind partners of and "
            "promote the information sharing protocol to prevent the barriers currently in "
            "existence in relation to the sharing of information. Training should be provided "
            "with a focus on ethical issues with respect to information sharing to try to "
            "remove some of the reluctance on sharing information under the protocol. The "
            "partnership should also consider the integration of information technology "
            "systems to facilitate the sharing of information."
        ),
        "management_response": (
            "Leeds Citywide Interagency Information Sharing Steering Group to release revised "
            "protocols.\n"
            "Promotion and training to be offered.\n"
            "Additional work to revise information sharing protocols for CAF to be completed.\n"
            "Further training to be offered.\n"
            "Wider and future issues relating to information governance and policy will be a "
            "component of children's services information strategy.\n"
            "Information Governance task and finish group for children's services to be set "
            "up to lead this work across the partnership.\n"
            "Strategy will also include plans for integration of operational and management "
            "information systems.\n"
            "To ensure these issues are managed through the PCT information management "
            "steering group where there is LCC and NHS provider representation.\n"
            "To build on the CAF implementation and learning."
        ),
        "responsibility": "John Maynard & Sarah Sinclair December 2007 December 2007 March 2008",
        "timescale": "December 2007 December 2007 March 2008",
        "responsible_officers": ["john_maynard", "sarah_sinclair"],
        "components": ["dcs_unit", "locality", "lscb"],
        "related": [],
        # In progress: protocols and training delivered, but the 2008 report (3.63) still
        # looks ahead to ContactPoint and the national eCAF for sharing information.
        "status": "in_progress",
        # Appendix 1's first row has two timescales ("December 2007 December 2007") for six
        # sentences: read as the revised protocols with their promotion and training, then
        # the CAF protocols with their further training. The information strategy sentences
        # in that row have none; the second row's is "March 2008"; the third row has none.
        "actions": [
            {
                "description": (
                    "Leeds Citywide Interagency Information Sharing Steering Group to release "
                    "revised protocols."
                ),
                "owner": "john_maynard",  # cell names John Maynard & Sarah Sinclair
                "timescale": "December 2007",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 12, 14),
                        "note": "Revised protocols released to all signatory partners.",
                        "rag": "green",
                        "by": "sarah_sinclair",
                    },
                ],
            },
            {
                "description": "Promotion and training to be offered.",
                "owner": "john_maynard",
                "timescale": "December 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": (
                    "Additional work to revise information sharing protocols for CAF to be "
                    "completed."
                ),
                "owner": "john_maynard",
                "timescale": "December 2007",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 12, 21),
                        "note": "CAF consent forms and protocol still with partners' lawyers.",
                        "rag": "amber",
                        "by": "sarah_sinclair",
                    },
                    {
                        "date": datetime.date(2008, 2, 15),
                        "note": "Revised CAF protocol agreed and published.",
                        "rag": "green",
                        "by": "sarah_sinclair",
                    },
                ],
            },
            {
                "description": "Further training to be offered.",
                "owner": "john_maynard",
                "timescale": "December 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": (
                    "Wider and future issues relating to information governance and policy "
                    "will be a component of children's services information strategy."
                ),
                "owner": "john_maynard",
                "timescale": "",
                "status": "in_progress",
                "updates": [],
            },
            {
                "description": (
                    "Information Governance task and finish group for children's services to "
                    "be set up to lead this work across the partnership."
                ),
                "owner": "john_maynard",
                "timescale": "",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 1, 25),
                        "note": "Group set up with council, PCT, police and Education Leeds.",
                        "rag": "green",
                        "by": "john_maynard",
                    },
                ],
            },
            {
                "description": (
                    "Strategy will also include plans for integration of operational and "
                    "management information systems."
                ),
                "owner": "john_maynard",
                "timescale": "March 2008",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 4, 4),
                        "note": (
                            "Strategy drafted; systems integration plans depend on the "
                            "ContactPoint and eCAF timetables, so March 2008 missed."
                        ),
                        "rag": "red",
                        "by": "john_maynard",
                    },
                ],
            },
            {
                "description": (
                    "To ensure these issues are managed through the PCT information management "
                    "steering group where there is LCC and NHS provider representation."
                ),
                "owner": "john_maynard",  # Appendix 1 names no officer for this row
                "timescale": "",
                "status": "in_progress",
                "updates": [],
            },
            {
                "description": "To build on the CAF implementation and learning.",
                "owner": "john_maynard",
                "timescale": "",
                "status": "in_progress",
                "updates": [],
            },
        ],
    },
    {
        "number": "5",
        "section": "4.4",
        "priority": "**",
        "text": (
            "The link between the Leeds Initiative and the Children Leeds Partnership should go "
            "beyond a 'paper link'. The Authority should consider reporting the minutes of the "
            "Children Leeds Partnership to the Leeds Initiative Executive meetings, to ensure "
            "that the Leeds Initiative is up to date on strategic issues with Children Leeds."
        ),
        "management_response": (
            "Work with Leeds Initiative office to strengthen links through key messages, "
            "minutes being shared and update items.\n"
            "First up date scheduled.\n"
            "Key messages to be agreed at conclusion of each Children Leeds Partnership "
            "meeting and relayed to Leeds Initiative."
        ),
        "responsibility": "Mariana Pexton & Barbara Newton 3rd October 2007",
        "timescale": "3rd October 2007",
        "responsible_officers": ["mariana_pexton", "barbara_newton"],
        "components": ["clp"],
        "related": [],
        # Implemented: a standing arrangement from October 2007; nothing in the 2008 report
        # suggests otherwise.
        "status": "implemented",
        # The cell's one date belongs to the first update; the first two lines lead to it,
        # the third is a standing arrangement for every meeting (no timescale).
        "actions": [
            {
                "description": (
                    "Work with Leeds Initiative office to strengthen links through key "
                    "messages, minutes being shared and update items."
                ),
                "owner": "mariana_pexton",  # cell names Mariana Pexton & Barbara Newton
                "timescale": "3rd October 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": "First up date scheduled.",
                "owner": "mariana_pexton",
                "timescale": "3rd October 2007",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 10, 3),
                        "note": "First update item taken at the Leeds Initiative Executive.",
                        "rag": "green",
                        "by": "mariana_pexton",
                    },
                ],
            },
            {
                "description": (
                    "Key messages to be agreed at conclusion of each Children Leeds Partnership "
                    "meeting and relayed to Leeds Initiative."
                ),
                "owner": "mariana_pexton",
                "timescale": "",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 6, 13),
                        "note": "Key messages relayed after every CLP meeting since October 2007.",
                        "rag": "green",
                        "by": "barbara_newton",
                    },
                ],
            },
        ],
    },
    {
        "number": "6",
        "section": "4.5",
        "priority": "***",
        "text": (
            "The Director of Children's Services needs to consider how the achievement of "
            "objectives and demonstration of progress and improved outcomes for children as a "
            "result of partnership working is monitored."
        ),
        "management_response": (
            "Six month performance monitoring update of CYPP to be completed.\n"
            "Work to integrate performance monitoring for LCC and ISCB to be completed.\n"
            "Wider review of performance monitoring arrangements for all elements of the "
            "partnership to be completed."
        ),
        "responsibility": "John Maynard – October 2007 October 2007 January 2008",
        "timescale": "October 2007 October 2007 January 2008",
        "responsible_officers": ["john_maynard"],
        "components": ["dcs_unit", "iscb"],
        "related": [],
        # In progress: the 2008 review tracked improvement in nearly 80% of indicators
        # (report 2.6), but showing what partnership working itself achieved is still being
        # piloted through the Leadership Challenge's Results Based Accountability (3.54).
        "status": "in_progress",
        "actions": [
            {
                "description": "Six month performance monitoring update of CYPP to be completed.",
                "owner": "john_maynard",
                "timescale": "October 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": (
                    "Work to integrate performance monitoring for LCC and ISCB to be completed."
                ),
                "owner": "john_maynard",
                "timescale": "October 2007",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 11, 9),
                        "note": "Single quarterly report now goes to both LCC and the ISCB.",
                        "rag": "green",
                        "by": "john_maynard",
                    },
                ],
            },
            {
                "description": (
                    "Wider review of performance monitoring arrangements for all elements of "
                    "the partnership to be completed."
                ),
                "owner": "john_maynard",
                "timescale": "January 2008",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 2, 1),
                        "note": "Review widened to take in learning from the Leadership Challenge.",
                        "rag": "amber",
                        "by": "john_maynard",
                    },
                ],
            },
        ],
    },
    {
        "number": "7",
        "section": "5.3",
        "priority": "**",
        "text": (
            "The roles and responsibilities of the DCS and the Lead Executive Member should be "
            "further promoted and explained by the DCS and the Lead Executive Member to ensure "
            "that all parties understand them. This could be laid out in the Memorandum of "
            "Understanding as discussed in recommendation 2."
        ),
        "management_response": (
            "Roles and responsibilities of Lead Member and DCS to be included in Memorandum of "
            "Understanding.\n"
            "Understanding to be reinforced via ECM Update, programme of visits and public "
            "engagements."
        ),
        "responsibility": "Barbara Newton & Adam Hewitt – December 2007 Ongoing",
        "timescale": "December 2007 Ongoing",
        "responsible_officers": ["barbara_newton", "adam_hewitt"],
        "components": ["dcs_unit", "open_forums"],
        "related": ["2"],
        # In progress: depends on the Memorandum of Understanding (rec. 2), not yet final.
        "status": "in_progress",
        "actions": [
            {
                "description": (
                    "Roles and responsibilities of Lead Member and DCS to be included in "
                    "Memorandum of Understanding."
                ),
                "owner": "barbara_newton",  # cell names Barbara Newton & Adam Hewitt
                "timescale": "December 2007",
                "status": "in_progress",
                "updates": [],
            },
            {
                "description": (
                    "Understanding to be reinforced via ECM Update, programme of visits and "
                    "public engagements."
                ),
                "owner": "barbara_newton",
                "timescale": "Ongoing",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 1, 31),
                        "note": "Roles explained at the January 2008 Open Forum.",
                        "rag": "green",
                        "by": "adam_hewitt",
                    },
                ],
            },
        ],
    },
    {
        "number": "8",
        "section": "5.4",
        "priority": "*",
        "text": (
            "The Director of Children's Services should develop a communications plan for the "
            "partnership, which lays out parties that need to be communicated with, and "
            "identifies the communication requirements of these groups. This should then be "
            "mapped to the methods and frequency of communication with these groups."
        ),
        "management_response": (
            "Communications plan under development via Children Leeds Communication Network."
        ),
        "responsibility": "Barbara Newton – November 2007",
        "timescale": "November 2007",
        "responsible_officers": ["barbara_newton"],
        "components": ["dcs_unit"],
        "related": [],
        "status": "implemented",  # invented for the demo: plan agreed, see the update
        "actions": [
            {
                "description": (
                    "Communications plan under development via Children Leeds Communication "
                    "Network."
                ),
                "owner": "barbara_newton",
                "timescale": "November 2007",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 12, 7),
                        "note": (
                            "Plan agreed by the Communication Network, mapping audiences to "
                            "methods and frequency; a few weeks late."
                        ),
                        "rag": "green",
                        "by": "barbara_newton",
                    },
                ],
            },
        ],
    },
    {
        "number": "9",
        "section": "6.4",
        "priority": "**",  # printed "* *"
        "text": (
            "Risk management arrangements should be embedded throughout the Children's Trust's "
            "arrangements. Risk should be considered by each of the constituted components "
            "within the Trust and for the Children's Trust arrangements as a whole. Risk "
            "registers and contingency plans should be developed as outputs of this process. "
            "This will allow the partnership to actively identify, understand and manage the "
            "risks that it faces."
        ),
        "management_response": (
            "Risk Management Plan submitted to ISCB.\n"
            "Risk register approved at ISCB meeting.\n"
            "CLP – proportionate CLP risk register discussed and developed at meeting.\n"
            "To be reviewed every six months.\n"
            "Risk register in place for JAR project.\n"
            "LSCB risk register being developed to support the business plan."
        ),
        # Cleaned from the PDF extraction: dropped a second copy of "ISCB – Keith Burton –
        # October 2007" (prefixed "to") that overlaps the next row, the stray fragments "Ster"
        # and "ect.", and joined "5 th" to "5th".
        "responsibility": (
            "ISCB – Keith Burton – October 2007 September 2007 "
            "CLP – Mariana Pexton – 5th September 2007 "
            "LSCB – Bryan Gocke & Jackie Wilson"
        ),
        "timescale": "October 2007 September 2007 5th September 2007",
        "responsible_officers": ["keith_burton", "mariana_pexton", "bryan_gocke", "jackie_wilson"],
        "components": ["dcs_unit", "iscb", "clp", "lscb"],
        "related": [],
        # In progress: registers exist for the DCS Unit, ISCB, CLP and JAR project, but the
        # LSCB still has none and there is no register for the trust as a whole.
        "status": "in_progress",
        "actions": [
            {
                "description": "Risk Management Plan submitted to ISCB.",
                "owner": "keith_burton",
                "timescale": "October 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": "Risk register approved at ISCB meeting.",
                "owner": "keith_burton",
                "timescale": "September 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": (
                    "CLP – proportionate CLP risk register discussed and developed at meeting."
                ),
                "owner": "mariana_pexton",
                "timescale": "5th September 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": "To be reviewed every six months.",
                "owner": "mariana_pexton",
                "timescale": "",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 2, 13),
                        "note": "First six-monthly review of the CLP register done.",
                        "rag": "green",
                        "by": "mariana_pexton",
                    },
                    {
                        "date": datetime.date(2008, 8, 29),  # before DEMO_DAY
                        "note": "August review not held; rescheduled for the October meeting.",
                        "rag": "amber",
                        "by": "mariana_pexton",
                    },
                ],
            },
            {
                "description": "Risk register in place for JAR project.",
                # Appendix 1 names no officer for this row; Keith Burton leads on the ISCB
                # and DCS Unit registers.
                "owner": "keith_burton",
                "timescale": "",
                "status": "complete",
                "updates": [],
            },
            {
                "description": "LSCB risk register being developed to support the business plan.",
                "owner": "bryan_gocke",  # cell names Bryan Gocke & Jackie Wilson
                "timescale": "",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 4, 18),
                        "note": "Deferred until the March 2008 statutory requirements were met.",
                        "rag": "amber",
                        "by": "jackie_wilson",
                    },
                    {
                        "date": datetime.date(2008, 9, 1),  # before DEMO_DAY
                        "note": "Draft risks listed; no register approved by the LSCB yet.",
                        "rag": "red",
                        "by": "jackie_wilson",
                    },
                ],
            },
        ],
    },
    {
        "number": "10",
        "section": "6.5",
        "priority": "***",  # printed "* * *"
        "text": (
            "The exercise of identifying current resources should be completed and a plan "
            "developed demonstrating how these resources are to be channelled to services/new "
            "areas of commissioning, with consideration and clear links to the priorities, "
            "outcomes and aims of the partnership, as laid out in the Children and Young "
            "People's Plan. This plan should incorporate efficiency savings identified and the "
            "reinvestment of these into services."
        ),
        "management_response": (
            "Report setting out current deployment of resources across CS submitted to ISCB.\n"
            "Service Prioritisation and Commissioning Forum established and main priorities "
            "proposed.\n"
            "Further report to go to October meeting identifying main priorities for LCC.\n"
            "Partners to take back as part of their individual service budget discussions "
            "prior to decision on budget priorities across all partners for agreement by ISCB."
        ),
        "responsibility": "David McDermott – September 2007 October 2007 October 2007 January 2008",
        "timescale": "September 2007 October 2007 October 2007 January 2008",
        "responsible_officers": ["david_mcdermott"],
        "components": ["iscb", "dcs_unit"],
        "related": [],
        # Implemented: the 2008 report (3.41-3.42) describes partners pooling budgets in the
        # Joint Preventative Partnership and an Innovation Fund aimed at plan priorities.
        "status": "implemented",
        "actions": [
            {
                "description": (
                    "Report setting out current deployment of resources across CS submitted to "
                    "ISCB."
                ),
                "owner": "david_mcdermott",
                "timescale": "September 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": (
                    "Service Prioritisation and Commissioning Forum established and main "
                    "priorities proposed."
                ),
                "owner": "david_mcdermott",
                "timescale": "October 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": (
                    "Further report to go to October meeting identifying main priorities for LCC."
                ),
                "owner": "david_mcdermott",
                "timescale": "October 2007",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 10, 25),
                        "note": "Main priorities for LCC reported to the ISCB.",
                        "rag": "green",
                        "by": "david_mcdermott",
                    },
                ],
            },
            {
                "description": (
                    "Partners to take back as part of their individual service budget "
                    "discussions prior to decision on budget priorities across all partners for "
                    "agreement by ISCB."
                ),
                "owner": "david_mcdermott",
                "timescale": "January 2008",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 1, 24),
                        "note": "Budget priorities across all partners agreed by the ISCB.",
                        "rag": "green",
                        "by": "david_mcdermott",
                    },
                ],
            },
        ],
    },
    {
        "number": "11",
        "section": "7.5",
        "priority": "***",
        "text": (
            "The Director of Children's Services should continue to explore ways of engaging "
            "children and young people in its decision making processes to allow the "
            "partnership to demonstrate how the view of children and young people are shaping "
            "the work and decisions of the partnership."
        ),
        "management_response": (
            "Series of meetings for DCS and Lead member with young people arranged.\n"
            "Young Advisors Project being explored to consider ongoing arrangements.\n"
            "Young people's participation strategy to be presented to Children Leeds "
            "Partnership.\n"
            "Young people to attend the meeting to advise on the shape of future participation "
            "in decision making for the children's trust."
        ),
        "responsibility": "Barbara Newton – October – December 2007 By December 2007 November 2007",
        "timescale": "October – December 2007 By December 2007 November 2007",
        "responsible_officers": ["barbara_newton"],
        "components": ["clp", "open_forums"],
        "related": [],
        # Implemented: the 2008 report (3.43) describes "the regular involvement of young
        # people at Children Leeds Partnership meetings" and a special CLP meeting with young
        # people in October 2008 (4.3).
        "status": "implemented",
        "actions": [
            {
                "description": (
                    "Series of meetings for DCS and Lead member with young people arranged."
                ),
                "owner": "barbara_newton",
                "timescale": "October – December 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": (
                    "Young Advisors Project being explored to consider ongoing arrangements."
                ),
                "owner": "barbara_newton",
                "timescale": "By December 2007",
                # invented for the demo: not pursued, overtaken by young people's regular
                # attendance at CLP meetings (2008 report 3.43)
                "status": "cancelled",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 12, 19),
                        "note": (
                            "Not pursued: young people will attend CLP meetings on specific "
                            "priority themes instead."
                        ),
                        "rag": "green",
                        "by": "barbara_newton",
                    },
                ],
            },
            {
                "description": (
                    "Young people's participation strategy to be presented to Children Leeds "
                    "Partnership."
                ),
                "owner": "barbara_newton",
                "timescale": "November 2007",
                "status": "complete",
                "updates": [],
            },
            {
                "description": (
                    "Young people to attend the meeting to advise on the shape of future "
                    "participation in decision making for the children's trust."
                ),
                "owner": "barbara_newton",
                # The row's one timescale covers both of its sentences (the same meeting).
                "timescale": "November 2007",
                "status": "complete",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2007, 11, 21),
                        "note": "Young people attended and advised on future participation.",
                        "rag": "green",
                        "by": "adam_hewitt",
                    },
                ],
            },
        ],
    },
    {
        "number": "12",
        "section": "7.5",
        "priority": "**",
        "text": (
            "The Authority's Area Committees and Area Committee chairs should have formal links "
            "with and greater involvement in the partnership arrangements to ensure that the "
            "work towards the Children and Young People agenda is integrated across the "
            "Authority and at the local level."
        ),
        "management_response": (
            "Locality enablers and local CYPPs will be main route to ensure more formal links "
            "and better engagement with partners to deliver priorities.\n"
            "Review action in light of wider cross council developments on locality working "
            "and democratic engagement and feed in the KPMG findings to that development.\n"
            "Review effectiveness of local CYPPs."
        ),
        # Appendix 1 names no officer for this recommendation, only two dates.
        "responsibility": "May 2008 May 2008",
        "timescale": "May 2008 May 2008",
        "responsible_officers": [],
        "components": ["locality"],
        "related": [],
        # In progress: locality enablers "are linking with Council Area Committees" and a
        # report on local arrangements is due to Corporate Governance and Audit Committee in
        # October 2008 (2008 report 3.52, 3.55).
        "status": "in_progress",
        # Owner invented for the demo: with no officer named, the actions go to the Deputy
        # DCS for Innovation and Change, to whom the locality enablers report (audit 3.4).
        "actions": [
            {
                "description": (
                    "Locality enablers and local CYPPs will be main route to ensure more formal "
                    "links and better engagement with partners to deliver priorities."
                ),
                "owner": "deputy_dcs",
                "timescale": "",
                "status": "in_progress",
                "updates": [],
            },
            {
                "description": (
                    "Review action in light of wider cross council developments on locality "
                    "working and democratic engagement and feed in the KPMG findings to that "
                    "development."
                ),
                "owner": "deputy_dcs",
                "timescale": "May 2008",
                "status": "in_progress",
                "updates": [  # invented for the demo
                    {
                        "date": datetime.date(2008, 6, 6),
                        "note": (
                            "Locality enablers now linking with Area Committees and Area "
                            "Delivery Plans; a report on local arrangements is due to Corporate "
                            "Governance and Audit Committee in October."
                        ),
                        "rag": "amber",
                        "by": "deputy_dcs",
                    },
                ],
            },
            {
                "description": "Review effectiveness of local CYPPs.",
                "owner": "deputy_dcs",
                "timescale": "May 2008",
                "status": "not_started",
                "updates": [],
            },
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Risk registers (audit 6.4 and Appendix 1, rec. 9): the DCS Unit's; the ISCB's (approved at
# an ISCB meeting, September 2007); the CLP's "proportionate" register, reviewed every six
# months (5 September 2007); the JAR project's. The LSCB has NONE and there is no trust-wide
# register yet (rec. 9 asks for both): both are deliberately absent. Leeds PCT keeps a
# register because hosts must reflect hosted priorities in theirs (audit 4.3). Owners other
# than those in Appendix 1, intervals and review dates are invented for the demo.
# ---------------------------------------------------------------------------------------------
RISK_REGISTERS = [
    {
        "key": "dcs_unit_register",
        "name": "DCS Unit risk register",
        "kind": "component",
        "component": "dcs_unit",
        "partner": None,
        "owner": "keith_burton",  # invented for the demo
        "review_interval_months": 3,  # invented for the demo
        "last_reviewed": datetime.date(2008, 7, 15),  # invented for the demo
    },
    {
        "key": "iscb_register",
        "name": "ISCB risk register",
        "kind": "component",
        "component": "iscb",
        "partner": None,
        "owner": "keith_burton",  # Appendix 1: "ISCB – Keith Burton"
        "review_interval_months": 6,  # invented for the demo
        "last_reviewed": datetime.date(2008, 4, 24),  # invented for the demo
    },
    {
        "key": "clp_register",
        "name": "Children Leeds Partnership proportionate risk register",
        "kind": "component",
        "component": "clp",
        "partner": None,
        "owner": "mariana_pexton",  # Appendix 1: "CLP – Mariana Pexton"
        "review_interval_months": 6,  # Appendix 1: "To be reviewed every six months"
        # invented for the demo; with six months it is overdue by late 2008
        "last_reviewed": datetime.date(2008, 2, 13),
    },
    {
        "key": "jar_register",
        "name": "Joint Area Review project risk register",
        "kind": "project",
        "component": None,
        "partner": None,
        "owner": "adam_hewitt",  # invented for the demo
        "review_interval_months": 1,  # invented for the demo
        "last_reviewed": datetime.date(2008, 1, 18),  # invented for the demo
    },
    {
        "key": "pct_register",
        "name": "Leeds PCT children's services risk register",
        "kind": "partner",
        "component": None,
        "partner": "leeds_pct",
        "owner": "pct_commissioning",  # invented for the demo
        "review_interval_months": 3,  # invented for the demo
        "last_reviewed": datetime.date(2008, 6, 30),  # invented for the demo
    },
]

# ---------------------------------------------------------------------------------------------
# Risks: all invented for the demo, drawn from the audit's findings. Scores are
# (likelihood, impact) with target <= residual <= inherent.
# ---------------------------------------------------------------------------------------------
RISKS = [
    # --- DCS Unit ---
    {
        "register": "dcs_unit_register",
        "reference": "DCS-01",
        "title": "Partners do not understand the structure of the trust arrangements",
        "cause": (
            "Leeds' six-component model differs from other authorities'; newer recruits are "
            "unclear how the components interact."
        ),
        "consequence": (
            "Duplicated effort, issues overlooked between components, objectives missed and "
            "poor value for money."
        ),
        "inherent": (4, 3),
        "residual": (3, 3),
        "target": (2, 3),
        "controls": [
            "Structure diagram and briefing pack on the Children Leeds website",
            "Governance Seminar, with outcomes fed back to each board",
            "DCS bulletin to staff every six weeks and the ECM Update",
        ],
        "owner": "barbara_newton",
        "review_date": datetime.date(2008, 10, 15),
        "contingency": "Targeted briefings for each board and for new members on joining.",
        "status": "open",
        "actions": [
            {
                "description": "Agree the Memorandum of Understanding with all board chairs.",
                "owner": "barbara_newton",
                "timescale": "December 2008",
                "status": "in_progress",
                "updates": [],
            },
        ],
        "recommendations": ["1", "2", "7"],
        "hosted_priorities": [],
    },
    {
        "register": "dcs_unit_register",
        "reference": "DCS-02",
        "title": "Key partners disengage from the boards",
        "cause": (
            "Meeting cycle not suited to partners; West Yorkshire Police attended one in three "
            "CLP, ISCB and LSCB meetings."
        ),
        "consequence": (
            "Decisions made without statutory partners; priorities not owned; the duty to "
            "co-operate not demonstrated to inspectors."
        ),
        "inherent": (3, 4),
        "residual": (2, 4),
        "target": (1, 4),
        "controls": [
            "DCS letter to all partners on the requirement to attend",
            "Meeting cycle adjusted to reflect partners' feedback",
            "Attendance reported to each board",
        ],
        "owner": "barbara_newton",
        "review_date": datetime.date(2008, 10, 15),
        "contingency": "DCS to raise persistent non-attendance with the partner's chief officer.",
        "status": "open",
        "actions": [],
        "recommendations": [],
        "hosted_priorities": [],
    },
    {
        "register": "dcs_unit_register",
        "reference": "DCS-03",
        "title": "Staff reluctant to share information under the protocol",
        "cause": (
            "Uncertainty about the ethics of information sharing; systems that do not "
            "support sharing."
        ),
        "consequence": (
            "Needs identified late, children not safeguarded, CAF and lead professional "
            "working undermined."
        ),
        "inherent": (4, 4),
        "residual": (3, 4),
        "target": (2, 4),
        "controls": [
            "Citywide information sharing protocol signed by partners",
            "Multi-agency training on technical and professional issues",
            "Revised CAF information sharing protocol",
        ],
        "owner": "john_maynard",
        "review_date": datetime.date(2008, 9, 30),
        "contingency": (
            "Escalate blocked requests to the Information Governance task and finish group."
        ),
        "status": "open",
        "actions": [
            {
                "description": (
                    "Add ethical issues to the multi-agency information sharing training."
                ),
                "owner": "sarah_sinclair",
                "timescale": "March 2008",
                "status": "complete",
                "updates": [
                    {
                        "date": datetime.date(2008, 3, 28),
                        "note": "New module delivered to 240 staff across partners.",
                        "rag": "green",
                        "by": "sarah_sinclair",
                    },
                ],
            },
        ],
        "recommendations": ["4"],
        "hosted_priorities": [],
    },
    {
        "register": "dcs_unit_register",
        "reference": "DCS-04",
        "title": "The partnership cannot show that it improves outcomes",
        "cause": (
            "Performance framework centred on indicators; no multi-agency action plans that "
            "tie results to partnership working."
        ),
        "consequence": "Partners' commitment and funding erode; weak inspection judgements.",
        "inherent": (3, 4),
        "residual": (3, 3),
        "target": (2, 3),
        "controls": [
            "Annual review of the CYPP",
            "Integrated performance monitoring for LCC and the ISCB",
        ],
        "owner": "john_maynard",
        "review_date": datetime.date(2008, 10, 31),
        "contingency": "Commission case studies of partnership impact for the 2009 plan.",
        "status": "open",
        "actions": [],
        "recommendations": ["6"],
        "hosted_priorities": [],
    },
    {
        "register": "dcs_unit_register",
        "reference": "DCS-05",
        "title": "LSCB misses the March 2008 statutory deadline",
        "cause": "Statutory requirements still being implemented in late 2007.",
        "consequence": "Failure of a statutory duty; adverse JAR judgement on safeguarding.",
        "inherent": (3, 5),
        "residual": (2, 5),
        "target": (1, 5),
        "controls": ["LSCB business plan", "Monthly progress report to the DCS"],
        "owner": "bryan_gocke",
        "review_date": datetime.date(2008, 4, 30),
        "contingency": "Interim arrangements agreed with the Government Office.",
        "status": "closed",  # the deadline passed with the requirements met
        "actions": [],
        "recommendations": ["9"],
        "hosted_priorities": [],
    },
    # --- ISCB ---
    {
        "register": "iscb_register",
        "reference": "ISCB-01",
        "title": "Resources are not aligned to the plan's priorities",
        "cause": (
            "No pooled budgets; spending across partners not mapped to priorities and outcomes."
        ),
        "consequence": "Commissioning misses priorities; efficiencies are not reinvested.",
        "inherent": (4, 4),
        "residual": (3, 4),
        "target": (2, 3),
        "controls": [
            "Resources exercise across partners reported to the ISCB",
            "Service Prioritisation and Commissioning Forum",
            "Joint Preventative Partnership pooled budget",
        ],
        "owner": "david_mcdermott",
        "review_date": datetime.date(2008, 10, 23),
        "contingency": "ISCB to agree in-year re-allocation between partners.",
        "status": "open",
        "actions": [
            {
                "description": (
                    "Management accounts showing spending against the five outcomes each quarter."
                ),
                "owner": "david_mcdermott",
                "timescale": "April 2008",
                "status": "in_progress",
                "updates": [
                    {
                        "date": datetime.date(2008, 5, 2),
                        "note": "Council and PCT figures in; police and voluntary sector next.",
                        "rag": "amber",
                        "by": "david_mcdermott",
                    },
                ],
            },
        ],
        "recommendations": ["10"],
        "hosted_priorities": [],
    },
    {
        "register": "iscb_register",
        "reference": "ISCB-02",
        "title": "Hosted priorities are not delivered or not monitored",
        "cause": (
            "Hosts slow to append priorities to their strategies or to produce action plans."
        ),
        "consequence": "Key improvement areas drift without anyone accountable.",
        "inherent": (3, 4),
        "residual": (3, 3),
        "target": (2, 3),
        "controls": [
            "Hosting agreement signed by the DCS and the host, with a risk assessment",
            "Action plans monitored by the ISCB",
        ],
        "owner": "keith_burton",
        "review_date": datetime.date(2008, 10, 23),
        "contingency": "ISCB to re-assign the hosting to another partner.",
        "status": "open",
        "actions": [],
        "recommendations": ["6"],
        "hosted_priorities": [
            "reducing_obesity",
            "teenage_conception",
            "infant_mortality",
            "anti_bullying",
        ],
    },
    {
        "register": "iscb_register",
        "reference": "ISCB-03",
        "title": "No conflict resolution procedure or exit strategy for the ISCB",
        "cause": "The constitution is silent on disputes and on winding up.",
        "consequence": "A dispute between partners stalls commissioning decisions.",
        "inherent": (3, 4),
        "residual": (2, 4),
        "target": (1, 4),
        "controls": ["Legal & Domestic drafting constitution paragraphs"],
        "owner": "keith_burton",
        "review_date": datetime.date(2008, 10, 23),
        "contingency": "DCS and the partner's chief officer to mediate.",
        "status": "open",
        "actions": [],
        "recommendations": ["3"],
        "hosted_priorities": [],
    },
    # --- Children Leeds Partnership ---
    {
        "register": "clp_register",
        "reference": "CLP-01",
        "title": "The link with the Leeds Initiative remains a 'paper link'",
        "cause": "Leeds Initiative executives' minutes show no Children Leeds issues.",
        "consequence": "Children's priorities absent from the Leeds Strategic Plan.",
        "inherent": (3, 3),
        "residual": (2, 3),
        "target": (1, 3),
        "controls": ["Key messages relayed to the Leeds Initiative after each CLP meeting"],
        "owner": "mariana_pexton",
        "review_date": datetime.date(2008, 8, 13),
        "contingency": "DCS to attend the Leeds Initiative Executive in person.",
        "status": "open",
        "actions": [],
        "recommendations": ["5"],
        "hosted_priorities": [],
    },
    {
        "register": "clp_register",
        "reference": "CLP-02",
        "title": "A conflict between partners cannot be resolved",
        "cause": "No conflict resolution procedure or exit strategy for the partnership.",
        "consequence": "Partner withdraws; the partnership cannot be wound up in good order.",
        "inherent": (2, 4),
        "residual": (2, 4),
        "target": (1, 4),
        "controls": ["Chair's informal mediation"],
        "owner": "keith_burton",
        "review_date": datetime.date(2008, 8, 13),
        "contingency": "Refer to the Leeds Initiative board.",
        "status": "open",
        "actions": [],
        "recommendations": ["3"],
        "hosted_priorities": [],
    },
    {
        "register": "clp_register",
        "reference": "CLP-03",
        "title": "Children and young people's views do not shape decisions",
        "cause": "No young people's seats on the strategic boards.",
        "consequence": "Services designed without their users; weak participation evidence.",
        "inherent": (3, 3),
        "residual": (2, 3),
        "target": (2, 2),
        "controls": [
            "Young people attend CLP meetings on priority themes",
            "Open Forum hosted by children and young people",
        ],
        "owner": "barbara_newton",
        "review_date": datetime.date(2008, 8, 13),
        "contingency": "Run focus groups through partners before key decisions.",
        "status": "open",
        "actions": [],
        "recommendations": ["11"],
        "hosted_priorities": [],
    },
    {
        "register": "clp_register",
        "reference": "CLP-04",
        "title": "Area Committees stay removed from the children's agenda",
        "cause": "No formal link between Children Leeds area boards and Area Committees.",
        "consequence": "Local priorities and democratic accountability disconnected.",
        "inherent": (3, 3),
        "residual": (3, 3),
        "target": (2, 2),
        "controls": ["Locality enablers meet Area Committee chairs"],
        "owner": "deputy_dcs",
        "review_date": datetime.date(2008, 8, 13),
        "contingency": "Standing item on Area Committee agendas.",
        "status": "open",
        "actions": [],
        "recommendations": ["12"],
        "hosted_priorities": [],
    },
    # --- JAR project (closed after the positive Joint Area Review, 2008 report 3.1) ---
    {
        "register": "jar_register",
        "reference": "JAR-01",
        "title": "Evidence of partnership working not ready for the December 2007 JAR",
        "cause": "Evidence held separately by each partner.",
        "consequence": "Inspectors cannot see the impact of the trust arrangements.",
        "inherent": (3, 4),
        "residual": (2, 3),
        "target": (1, 3),
        "controls": ["JAR project plan", "Evidence library in the DCS Unit"],
        "owner": "adam_hewitt",
        "review_date": datetime.date(2008, 1, 18),
        "contingency": "Partner leads available to inspectors at short notice.",
        "status": "closed",
        "actions": [],
        "recommendations": ["6"],
        "hosted_priorities": [],
    },
    {
        "register": "jar_register",
        "reference": "JAR-02",
        "title": "Partners and staff unprepared for inspectors' interviews",
        "cause": "Gaps in understanding of the structure among newer staff.",
        "consequence": "Inconsistent accounts of the trust arrangements to inspectors.",
        "inherent": (3, 3),
        "residual": (2, 3),
        "target": (1, 3),
        "controls": ["Briefing pack", "Pre-inspection briefings for partners"],
        "owner": "adam_hewitt",
        "review_date": datetime.date(2008, 1, 18),
        "contingency": "DCS Unit officer to accompany interviewees.",
        "status": "closed",
        "actions": [],
        "recommendations": ["1"],
        "hosted_priorities": [],
    },
    {
        "register": "jar_register",
        "reference": "JAR-03",
        "title": "Safeguarding judged inadequate at inspection",
        "cause": "LSCB still implementing statutory requirements.",
        "consequence": "Intervention; loss of confidence in the trust arrangements.",
        "inherent": (2, 5),
        "residual": (2, 4),
        "target": (1, 4),
        "controls": ["LSCB business plan", "Case file audit before the inspection"],
        "owner": "bryan_gocke",
        "review_date": datetime.date(2008, 1, 18),
        "contingency": "Improvement plan drafted in advance.",
        "status": "closed",
        "actions": [],
        "recommendations": ["9"],
        "hosted_priorities": [],
    },
    # --- Leeds PCT (hosts reflect hosted priorities in their register, audit 4.3) ---
    {
        "register": "pct_register",
        "reference": "PCT-01",
        "title": "Childhood obesity targets missed",
        "cause": "Year 6 obesity still rising; programmes reach too few families.",
        "consequence": "Health targets missed; long-term ill health.",
        "inherent": (4, 4),
        "residual": (4, 3),
        "target": (3, 3),
        "controls": ["Healthy weight programme", "Healthy schools (Beacon status)"],
        "owner": "pct_health_improvement",
        "review_date": datetime.date(2008, 9, 30),
        "contingency": "Shift funding to the highest-prevalence areas.",
        "status": "open",
        "actions": [],
        "recommendations": [],
        "hosted_priorities": ["reducing_obesity"],
    },
    {
        "register": "pct_register",
        "reference": "PCT-02",
        "title": "Under-18 conception rate does not fall to target",
        "cause": "Uneven sex and relationships education; services hard to reach.",
        "consequence": "Target missed; poorer outcomes for young parents and children.",
        "inherent": (5, 4),
        "residual": (4, 4),
        "target": (3, 4),
        "controls": ["Young people's sexual health drop-ins", "SRE training in schools"],
        "owner": "pct_health_improvement",
        "review_date": datetime.date(2008, 9, 30),
        "contingency": "Targeted outreach in the wards with the highest rates.",
        "status": "open",
        "actions": [
            {
                "description": "Append the teenage conception priority to the PCT strategy.",
                "owner": "pct_commissioning",
                "timescale": "September 2008",
                "status": "not_started",
                "updates": [],
            },
        ],
        "recommendations": [],
        "hosted_priorities": ["teenage_conception"],
    },
    {
        "register": "pct_register",
        "reference": "PCT-03",
        "title": "Infant mortality target missed without an agreed action plan",
        "cause": "No action plan yet behind the hosting agreement.",
        "consequence": "Gap in infant deaths between areas does not narrow.",
        "inherent": (3, 5),
        "residual": (3, 4),
        "target": (2, 4),
        "controls": ["Hosting agreement and risk assessment"],
        "owner": "pct_commissioning",
        "review_date": datetime.date(2008, 9, 30),
        "contingency": "Report the missing plan to the ISCB.",
        "status": "open",
        "actions": [],
        "recommendations": [],
        "hosted_priorities": ["infant_mortality"],
    },
]

# ---------------------------------------------------------------------------------------------
# Demo users (invented for the demo). Passwords are set by load_demo, not here.
# ---------------------------------------------------------------------------------------------
DEMO_USERS = [
    {
        "username": "dcs",
        "role": "dcs",
        "person": "barbara_newton",
        "first_name": "Barbara",
        "last_name": "Newton",
    },
    {
        "username": "pct",
        "role": "partner",
        "person": "pct_health_improvement",
        "first_name": "Nadia",
        "last_name": "Rahman",
    },
    {
        "username": "edleeds",
        "role": "partner",
        "person": "edl_anti_bullying",
        "first_name": "Joanne",
        "last_name": "Fairburn",
    },
    {
        "username": "auditor",
        "role": "auditor",
        "person": None,
        "first_name": "Priya",
        "last_name": "Shah",
    },
    {
        "username": "admin",
        "role": "admin",
        "person": None,
        "first_name": "Site",
        "last_name": "Administrator",
    },
]


# ---------------------------------------------------------------------------------------------
# Self-check: referential integrity and the facts the demo relies on.
# ---------------------------------------------------------------------------------------------
def _check():
    def keys(rows, field="key"):
        values = [row[field] for row in rows]
        assert len(values) == len(set(values)), f"duplicate {field}: {values}"
        return set(values)

    components = keys(COMPONENTS)
    partners = keys(PARTNERS)
    people = keys(PEOPLE)
    outcomes = keys(OUTCOMES)
    priorities = keys(PRIORITIES, "number")
    hosted = keys(HOSTED_PRIORITIES)
    registers = keys(RISK_REGISTERS)
    keys(INDICATORS)
    recs = keys(RECOMMENDATIONS, "number")
    person_partner = {p["key"]: p["partner"] for p in PEOPLE}
    levels = [code for code, _ in PRIORITY_SCALE["levels"]]
    action_statuses = {"not_started", "in_progress", "complete", "cancelled"}

    def check_actions(actions, where):
        for action in actions:
            assert set(action) == {"description", "owner", "timescale", "status", "updates"}
            assert action["owner"] in people, (where, action["owner"])
            assert action["status"] in action_statuses, (where, action["status"])
            assert isinstance(action["timescale"], str)
            for update in action["updates"]:
                assert isinstance(update["date"], datetime.date)
                assert update["rag"] in {"red", "amber", "green"}
                assert update["by"] in people, (where, update["by"])

    for c in COMPONENTS:
        assert c["function"] in {
            "leading",
            "commissioning",
            "safeguarding",
            "participating",
            "delivering",
            "supporting",
        }
        assert c["governing_document"] in {"terms_of_reference", "constitution"}
    sectors = {s["name"] for s in SECTORS}
    for p in PARTNERS:
        assert p["sector"] in sectors
        for field in ("agreement_signed", "isp_signed"):
            assert p[field] is None or isinstance(p[field], datetime.date)
    assert any(p["agreement_signed"] is None or p["isp_signed"] is None for p in PARTNERS)
    for person in PEOPLE:
        assert person["partner"] in partners
        assert person["email"].endswith("@example.org")

    # Memberships: known keys, the person from the partner represented, one chair each.
    roles = {r["key"]: r for r in MEMBERSHIP_ROLES}
    members = {c: set() for c in components}
    for m in MEMBERSHIPS:
        assert m["component"] in components and m["represents"] in partners
        assert m["role"] in roles
        if m["person"] is not None:
            assert person_partner[m["person"]] == m["represents"], m
        assert m["represents"] not in members[m["component"]], m
        members[m["component"]].add(m["represents"])
    for c in components:
        chairs = [m for m in MEMBERSHIPS if m["component"] == c and roles[m["role"]]["is_chair"]]
        assert len(chairs) == 1, c
    for board in ("clp", "iscb", "lscb"):
        assert "west_yorkshire_police" in members[board]

    # Meetings: attendees are members; police 2 of 6 per board in 2007, all in 2008.
    for meeting in MEETINGS:
        assert meeting["component"] in components
        assert set(meeting["attended"]) <= members[meeting["component"]], meeting
    for board in ("clp", "iscb", "lscb"):
        for year, count, police in ((2007, 6, 2), (2008, 3, 3)):
            held = [m for m in MEETINGS if m["component"] == board and m["date"].year == year]
            assert len(held) == count, (board, year)
            present = sum("west_yorkshire_police" in m["attended"] for m in held)
            assert present == police, (board, year, present)
            if year == 2007:
                assert all(m["date"] < AUDIT["report_date"] for m in held)
                assert "west_yorkshire_police" in max(held, key=lambda m: m["date"])["attended"]

    # Plan.
    assert priorities == set(range(1, 12))
    for p in PRIORITIES:
        assert p["outcome"] is None or p["outcome"] in outcomes
    for i in INDICATORS:
        assert i["priority"] in priorities
        assert 2 <= len(i["values"]) <= 3
        for label, end, value in i["values"]:
            assert isinstance(label, str) and isinstance(end, datetime.date)
            assert isinstance(value, (int, float))

    # Hosted priorities.
    for h in HOSTED_PRIORITIES:
        assert h["priority"] in priorities and h["host"] in partners
        assert h["kind"] in {"core", "hosted"}
        assert set(h["contributors"]) <= partners and h["host"] not in h["contributors"]
        assert h["monitoring_component"] in components
        check_actions(h["actions"], h["key"])
    assert sum(not h["actions"] for h in HOSTED_PRIORITIES) == 1
    assert any(
        not (
            h["director_signed"]
            and h["host_signed"]
            and h["risk_assessment_done"]
            and h["appended_to_strategy"]
        )
        for h in HOSTED_PRIORITIES
    )

    # Recommendations.
    assert [r["number"] for r in RECOMMENDATIONS] == [str(n) for n in range(1, 13)]
    counts = dict.fromkeys(levels, 0)
    for r in RECOMMENDATIONS:
        counts[r["priority"]] += 1
        assert r["status"] in {"not_started", "in_progress", "implemented", "superseded"}
        assert set(r["responsible_officers"]) <= people
        assert set(r["components"]) <= components
        assert set(r["related"]) <= recs and r["number"] not in r["related"]
        assert r["actions"], r["number"]
        check_actions(r["actions"], r["number"])
        paragraphs = r["management_response"].split("\n")
        for action in r["actions"]:
            assert action["description"] in paragraphs, (r["number"], action["description"])
    assert counts == {"***": 3, "**": 8, "*": 1}, counts
    assert {r["number"] for r in RECOMMENDATIONS if r["priority"] == "***"} == {"6", "10", "11"}

    # Risk registers and risks.
    for reg in RISK_REGISTERS:
        assert reg["kind"] in {"trust", "component", "partner", "project"}
        assert reg["component"] is None or reg["component"] in components
        assert reg["partner"] is None or reg["partner"] in partners
        assert reg["owner"] in people
    assert not any(reg["component"] == "lscb" for reg in RISK_REGISTERS)
    assert not any(reg["kind"] == "trust" for reg in RISK_REGISTERS)
    keys(RISKS, "reference")
    for reg in registers:
        assert 3 <= sum(r["register"] == reg for r in RISKS) <= 5, reg
    for risk in RISKS:
        assert risk["register"] in registers and risk["owner"] in people
        assert risk["status"] in {"open", "closed"}
        scores = [risk[k][0] * risk[k][1] for k in ("target", "residual", "inherent")]
        assert scores == sorted(scores), risk["reference"]
        for k in ("inherent", "residual", "target"):
            assert all(1 <= n <= 5 for n in risk[k])
        assert set(risk["recommendations"]) <= recs
        assert set(risk["hosted_priorities"]) <= hosted
        check_actions(risk["actions"], risk["reference"])

    # Demo users.
    for user in DEMO_USERS:
        assert user["role"] in {"dcs", "partner", "auditor", "admin"}
        assert user["person"] is None or user["person"] in people
    assert {u["username"] for u in DEMO_USERS} == {"dcs", "pct", "edleeds", "auditor", "admin"}


# ---------------------------------------------------------------------------------------------
# What the meetings recorded beyond attendance. Each meeting is chaired by its component's
# chair (MEMBERSHIPS); past meetings are held, later ones scheduled. From the seeds: the CLP
# risk register meeting of 5 September 2007 (Appendix 1, rec 9), the CLP's key messages to
# the Leeds Initiative (rec 5; 2008 report: relayed after every CLP meeting since October
# 2007), the ISCB's risk management plan meeting of October 2007 (rec 10). Invented for the
# demo: the venues, the modes, the cancelled LSCB meeting, the wording of the agenda items,
# the decisions' references and wording, and the key message to the Executive Board.
# ---------------------------------------------------------------------------------------------
MEETING_PLACES = {
    "clp": ("Civic Hall, Leeds", "in_person"),
    "iscb": ("Merrion House, Leeds", "in_person"),
    "lscb": ("Merrion House, Leeds", "hybrid"),
    "open_forums": ("Leeds Town Hall", "in_person"),
}

# A meeting put in the diary and then called off (after the demo's day: no attendance).
CANCELLED_MEETINGS = [
    {
        "component": "lscb",
        "date": datetime.date(2008, 9, 16),
        "title": "Local Safeguarding Children Board: extraordinary meeting",
        "attended": [],
        "status": "cancelled",
    },
]

MEETING_RECORDS = [
    {
        "component": "clp",
        "date": datetime.date(2007, 9, 5),
        "notes": "The partnership discussed and developed a proportionate risk register.",
        "agenda": [
            {
                "title": "A proportionate risk register for the Children Leeds Partnership",
                "presenter": "keith_burton",
                "priorities": [11],
                "recommendations": ["9"],
                "risks": ["CLP-01"],
            },
            {
                "title": "Linking the partnership to the Leeds Initiative",
                "presenter": "barbara_newton",
                "priorities": [],
                "recommendations": ["5"],
                "risks": ["CLP-01"],
            },
        ],
        "decisions": [
            {
                "reference": "CLP/2007/09/1",
                "item": 1,
                "wording": "The partnership adopts a proportionate risk register, reviewed "
                "at every third meeting.",
                "decided_by": "Agreed by the members present.",
            },
        ],
        "actions": [
            {
                "description": "Circulate the adopted risk register to every partner.",
                "owner": "keith_burton",
                "timescale": "October 2007",
                "status": "complete",
                "updates": [
                    {
                        "date": datetime.date(2007, 10, 1),
                        "note": "Sent to every partner with the minutes.",
                        "rag": "green",
                        "by": "keith_burton",
                    }
                ],
            },
        ],
        "key_messages": [],
    },
    {
        "component": "clp",
        "date": datetime.date(2007, 10, 17),
        "notes": "Key messages agreed at the end of the meeting, to be relayed.",
        "agenda": [
            {
                "title": "Key messages for the Leeds Initiative and the Executive Board",
                "presenter": "barbara_newton",
                "priorities": [],
                "recommendations": ["5", "12"],
                "risks": [],
            },
        ],
        "decisions": [
            {
                "reference": "CLP/2007/10/1",
                "item": 1,
                "wording": "Key messages are agreed at the end of every meeting and relayed "
                "to the Leeds Initiative and the Executive Board.",
                "decided_by": "Agreed unanimously.",
            },
        ],
        "actions": [],
        "key_messages": [
            {
                "message": "The partnership has adopted a proportionate risk register and "
                "will relay its key messages after every meeting.",
                "to_body": "executive_board",
                "sent_on": datetime.date(2007, 10, 24),
                "sent_by": "barbara_newton",
            },
            {
                "message": "Children Leeds issues for the Leeds Initiative executive's agenda.",
                "to_body": "leeds_initiative",
                "sent_on": datetime.date(2007, 10, 24),
                "sent_by": "barbara_newton",
            },
        ],
    },
    {
        "component": "iscb",
        "date": datetime.date(2007, 10, 25),
        "notes": "",
        "agenda": [
            {
                "title": "Risk management plan and resources against the plan's priorities",
                "presenter": "keith_burton",
                "priorities": [4, 11],
                "recommendations": ["10"],
                "risks": ["ISCB-01"],
            },
        ],
        "decisions": [
            {
                "reference": "ISCB/2007/10/1",
                "item": 1,
                "wording": "The board approves its risk register and asks for resources to be "
                "mapped against the 2008 priorities.",
                "decided_by": "Agreed by the board.",
            },
        ],
        "actions": [],
        "key_messages": [],
    },
]
