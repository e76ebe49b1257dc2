"""The words the synthetic alliance is made of: names, topics, places and the texts of
every kind of item, filled in with a topic (``{t}``) and, for some, a place (``{p}``)."""

from __future__ import annotations

from harambee.initiatives.models import Initiative, PhaseNote
from harambee.spaces.models import Space

FIRST = [
    "Amara",
    "Kwame",
    "Akosua",
    "Yaw",
    "Esi",
    "Wanjiru",
    "Peter",
    "Grace",
    "Faith",
    "Samuel",
    "Thandiwe",
    "Marius",
    "Lindiwe",
    "Sipho",
    "Priya",
    "Arjun",
    "Meera",
    "Rahul",
    "Maria",
    "José",
    "Ana",
    "Lucas",
    "Juliana",
    "Noor",
    "Daan",
    "Sanne",
    "Fatima",
    "Ibrahim",
    "Aisha",
    "Moses",
    "Chipo",
    "Tendai",
    "Rosa",
    "Carlos",
    "Luz",
    "Mateo",
    "Leila",
    "Omar",
    "Nadia",
    "Tomás",
]
LAST = [
    "Mensah",
    "Owusu",
    "Boateng",
    "Asante",
    "Quaye",
    "Kamau",
    "Otieno",
    "Njeri",
    "Muthoni",
    "Mwangi",
    "Nkosi",
    "Botha",
    "Dlamini",
    "Mahlangu",
    "Patil",
    "Deshmukh",
    "Kulkarni",
    "Iyer",
    "Silva",
    "Santos",
    "Oliveira",
    "Costa",
    "Hendriks",
    "Visser",
    "Jansen",
    "Bello",
    "Abubakar",
    "Mutasa",
    "Moyo",
    "Chavez",
    "Morales",
    "Lopez",
    "Haddad",
    "Nasser",
    "Ramos",
]
ORG_WORDS = [
    "Forest",
    "Water",
    "River",
    "Delta",
    "Coastal",
    "Upland",
    "Savannah",
    "Valley",
    "Highland",
    "Community",
    "Rural",
    "Urban",
    "Women's",
    "Youth",
    "Farmers'",
    "Fishers'",
    "Pastoralist",
    "Climate",
    "Land",
    "Seed",
    "Soil",
    "Market",
]
ORG_TYPES = [
    "Network",
    "Institute",
    "Trust",
    "Collective",
    "Foundation",
    "Cooperative",
    "Council",
    "Office",
    "Centre",
    "Alliance",
    "Association",
    "Initiative",
]
COUNTRIES = ("GH", "KE", "ZA", "IN", "PH", "NL", "GT", "BR", "TZ", "UG", "NG", "SN", "PE", "ID")
TIME_ZONES = {
    "GH": "Africa/Accra",
    "KE": "Africa/Nairobi",
    "ZA": "Africa/Johannesburg",
    "IN": "Asia/Kolkata",
    "PH": "Asia/Manila",
    "NL": "Europe/Amsterdam",
    "GT": "America/Guatemala",
    "BR": "America/Belem",
    "TZ": "Africa/Dar_es_Salaam",
    "UG": "Africa/Kampala",
    "NG": "Africa/Lagos",
    "SN": "Africa/Dakar",
    "PE": "America/Lima",
    "ID": "Asia/Jakarta",
}
LANGUAGES = ("en", "fr", "sw", "pt", "es", "hi", "tw", "nl", "zu", "id")
TOPICS = (
    "shade trees in cocoa farms",
    "joint forest patrols",
    "water kiosk accounts",
    "spring protection",
    "river gauging data",
    "land restitution talks",
    "watershed committees",
    "seed banks",
    "community radio call-ins",
    "SMS field reports",
    "women's savings groups",
    "market prices for smallholders",
    "fire breaks before the dry season",
    "tenure for tree planters",
    "mangrove restoration",
    "school water clubs",
)
SPACE_NOUNS: dict[str, str] = {
    Space.Type.INITIATIVE: "initiative",
    Space.Type.WORKING_GROUP: "working group",
    Space.Type.DISCUSSION_GROUP: "discussion",
    Space.Type.RESEARCH: "research collaboration",
    Space.Type.PROGRAMME: "training programme",
}
TITLES = (
    "What we learnt about {t}",
    "Field note: {t}",
    "Question for the alliance on {t}",
    "Reflection session on {t}",
    "Plan for the next cycle: {t}",
    "Evidence from the ground: {t}",
    "Draft lesson: {t}",
    "Minutes of the meeting on {t}",
)
PARAGRAPHS = (
    "We met the district officers again and went through the agreement line by line. "
    "Two points are still open: who pays for the fuel, and who signs the patrol log.",
    "The community session ran for three hours. Older women spoke first this time, "
    "which changed the conversation: they remembered how the stream ran before the farms.",
    "Numbers from the last quarter: 14 kiosks reporting, 11 with complete books, "
    "3 with missing weeks in the rainy season. We think the gap is about transport.",
    "**What worked:** meeting at the market on market day. **What did not:** asking "
    "people to fill in a form. Next time we will take notes and read them back.",
    "A farmer asked why the trees he planted belong to the state. Nobody had a good "
    "answer. We wrote down the question and will take it to the forum.",
    "The radio programme had 23 callers. Most asked about prices; four reported fires. "
    "See the [call-in notes](https://example.org/notes) for the full list.",
    "We tried the reflection questions from the methods wiki:\n\n"
    "- What did we plan?\n- What happened?\n- What surprised us?\n- What will we change?",
    "> The river is our bank: if we take everything out, there is nothing left for our "
    "children.\n\nSaid by a committee member at the close of the meeting.",
)
COMMENTS = (
    "Thank you for writing this up.",
    "We saw the same in our district. Transport was the problem there too.",
    "Could you share the form you used?",
    "This is useful for our next cycle. **Agreed** on meeting at the market.",
    "Who else should see this? I think the water group would learn from it.",
    "Interesting. How did the officers react?",
    "We tried something similar last year; happy to talk.",
    "Noted for the synthesis report.",
    "+1, and the numbers match what the radio callers said.",
    "Let us bring this to the next forum meeting.",
)
SPACE_DESCRIPTIONS = (
    "A place to plan, act, observe and reflect together on {t}.",
    "People from government, business, research and communities working on {t}.",
    "Open conversation about {t}: questions, stories and evidence welcome.",
)

# Initiatives: where they work (a town and its coordinates per country), and the
# countries a cross-border initiative adds, from the same region.
PLACES = {
    "GH": ("Kumasi, Ashanti", "6.68848", "-1.62443"),
    "KE": ("Kisumu", "-0.09170", "34.76800"),
    "ZA": ("Mbombela, Mpumalanga", "-25.47530", "30.96940"),
    "IN": ("Pune district, Maharashtra", "18.52040", "73.85670"),
    "PH": ("Cebu", "10.31570", "123.88540"),
    "NL": ("Utrecht", "52.09070", "5.12140"),
    "GT": ("Cobán, Alta Verapaz", "15.47080", "-90.37080"),
    "BR": ("Belém, Pará", "-1.45580", "-48.49020"),
    "TZ": ("Morogoro", "-6.82780", "37.65910"),
    "UG": ("Gulu", "2.77240", "32.28810"),
    "NG": ("Jos, Plateau", "9.89650", "8.85830"),
    "SN": ("Ziguinchor, Casamance", "12.56810", "-16.27190"),
    "PE": ("Cusco", "-13.53200", "-71.96750"),
    "ID": ("Pontianak, West Kalimantan", "-0.02630", "109.34250"),
}
NEIGHBOURS = {
    "GH": ("TG", "CI", "BF"),
    "KE": ("UG", "TZ", "ET"),
    "ZA": ("MZ", "SZ", "LS"),
    "IN": ("NP", "BD"),
    "PH": ("ID", "MY"),
    "NL": ("BE", "DE"),
    "GT": ("HN", "MX", "SV"),
    "BR": ("PE", "CO", "BO"),
    "TZ": ("KE", "MZ", "MW"),
    "UG": ("KE", "RW", "SS"),
    "NG": ("NE", "BJ", "CM"),
    "SN": ("GM", "GN", "ML"),
    "PE": ("BO", "EC", "BR"),
    "ID": ("MY", "TL", "PH"),
}
# Mostly running; a few closed.
STAGES = (
    Initiative.Stage.RUNNING,
    Initiative.Stage.STARTING,
    Initiative.Stage.RUNNING,
    Initiative.Stage.SCALING,
    Initiative.Stage.EXPLORING,
    Initiative.Stage.RUNNING,
    Initiative.Stage.CLOSED,
    Initiative.Stage.STARTING,
)
STAKEHOLDER_ROLES = (
    "convener",
    "funder",
    "technical partner",
    "community partner",
    "government counterpart",
    "research partner",
)
SUMMARIES = (
    "Communities, officials and businesses working together on {t} around {p}.",
    "A multi-stakeholder process on {t} in {p}, led by the people who live with it.",
    "Learning by doing on {t}: plan, act, observe and reflect with everyone involved in {p}.",
)
# Each topic's issue themes (slugs of the seeded vocabulary) and issue areas.
TOPIC_ISSUES: dict[str, tuple[tuple[str, ...], str]] = {
    "shade trees in cocoa farms": (("forests-land-use", "food-agriculture"), "cocoa, agroforestry"),
    "joint forest patrols": (
        ("forests-land-use", "governance-accountability"),
        "forests, policing",
    ),
    "water kiosk accounts": (("water-sanitation", "governance-accountability"), "water, finance"),
    "spring protection": (("water-sanitation", "climate-adaptation"), "water, catchments"),
    "river gauging data": (("water-sanitation", "climate-adaptation"), "water, data, floods"),
    "land restitution talks": (("land-rights", "governance-accountability"), "land, restitution"),
    "watershed committees": (
        ("water-sanitation", "governance-accountability"),
        "water, local government",
    ),
    "seed banks": (("food-agriculture", "climate-adaptation"), "seeds, agriculture"),
    "community radio call-ins": (
        ("governance-accountability", "education"),
        "media, participation",
    ),
    "SMS field reports": (("governance-accountability", "livelihoods-markets"), "data, monitoring"),
    "women's savings groups": (("gender-inclusion", "livelihoods-markets"), "savings, gender"),
    "market prices for smallholders": (
        ("livelihoods-markets", "food-agriculture"),
        "markets, prices",
    ),
    "fire breaks before the dry season": (
        ("forests-land-use", "climate-adaptation"),
        "fire, forests",
    ),
    "tenure for tree planters": (("land-rights", "forests-land-use"), "tenure, trees"),
    "mangrove restoration": (("climate-adaptation", "livelihoods-markets"), "mangroves, fisheries"),
    "school water clubs": (("education", "water-sanitation"), "schools, water, youth"),
}

# Inquiry cycles: the title holds the focus question.
CYCLE_QUESTIONS = (
    "How can {t} be run so that everyone who depends on it has a say?",
    "What would keep {t} going after the project money ends?",
    "Who is left out of {t}, and how do we bring them in?",
    "What do officials and communities each need from {t}?",
    "Which small change in {t} would people notice first?",
    "Can the records kept for {t} be trusted by all sides?",
)
CYCLE_BODIES = (
    "We will try one change in {t} for a season and meet every month to look at what happened.",
    "**Plan:** agree the question with the committee. **Act:** try it in two villages. "
    "**Observe:** keep a simple log. **Reflect:** a half-day session with everyone.",
    "This cycle follows up the questions left open by the last one on {t}.",
)
PHASE_TEXTS: dict[str, tuple[str, ...]] = {
    PhaseNote.Phase.PLAN: (
        "Agreed the focus question with the committee and chose two villages to start.",
        "Mapped who takes part: water users, the county office, two traders, the radio.",
        "We will keep a log in a notebook, not a form, and read it back at each meeting.",
    ),
    PhaseNote.Phase.ACT: (
        "First meeting held at the market on market day; 41 people came, 17 of them women.",
        "The patrols ran twice a week. Fuel ran out in the third week; the trust paid.",
        "Radio call-in on Thursday evening. Most questions were about prices.",
    ),
    PhaseNote.Phase.OBSERVE: (
        "Attendance dropped in the rainy season; the log shows who stayed and why.",
        "The kiosk books are complete in 11 of 14 places. The gaps match the bad roads.",
        "Officials came to two of the four meetings and signed the minutes both times.",
    ),
    PhaseNote.Phase.REFLECT: (
        "What surprised us: the older women knew the old boundaries better than the maps.",
        "We will keep meeting at the market and drop the written form for good.",
        "Next cycle: bring the district budget officer in from the start.",
    ),
}

# Learning notes: a few versions of each section, about the space's topic.
NOTE_TITLES = (
    "What we learnt from {t}",
    "Learning note: {t}",
    "Trying a new way with {t}",
    "After the season: {t}",
    "Notes from the reflection on {t}",
)
NOTE_TEXTS: dict[str, tuple[str, ...]] = {
    "context": (
        "Work on {t} started after the last drought, when the committees asked the "
        "county for help. Three groups use the same resource and rarely meet.",
        "Before this, decisions about {t} were taken in the district office. "
        "Communities heard about them on the radio.",
        "We are a network of farmer groups, a county office and a small business, "
        "working on {t} for two years now.",
        "Earlier attempts at {t} failed when the project funding stopped.",
    ),
    "tried": (
        "We met at the market on market day instead of the district office, and took "
        "notes that we read back before everyone left.",
        "- A monthly meeting of all three groups\n- A shared logbook\n"
        "- One person from each group to keep it",
        "We asked the older women to speak first, then the officials, then everyone else.",
        "A two-week trial: SMS reports every evening, checked on Fridays.",
    ),
    "happened": (
        "More people came than expected, 41 at the first meeting. Officials came to two "
        "of four meetings.",
        "The logbook was kept for eight weeks, then lapsed in the rainy season.",
        "The conversation changed: people remembered how the land was used before.",
        "Reports arrived on 61 of 70 evenings. Gaps matched the days without credit.",
    ),
    "learned": (
        "Meeting where people already gather matters more than the agenda.",
        "**Reading the notes back** builds trust faster than any written agreement.",
        "A record only lasts if the people who keep it use it themselves.",
        "Officials respond to numbers they can check, not to complaints.",
    ),
    "evidence": (
        "Attendance lists of all meetings; the logbook (photos); minutes signed by the "
        "district officer.",
        "Interviews with 12 participants, recorded with their consent.",
        "The SMS log: 61 reports, exported every Friday.",
        "",
    ),
    "methods": (
        "Plan, act, observe, reflect; a timeline exercise; a stakeholder map.",
        "Outcome harvesting with the committee.",
        "",
        "Most significant change stories, collected at the market.",
    ),
    "questions": (
        "Has anyone kept a shared logbook going through the rainy season? How?",
        "How do you get officials to come to the field, not the other way round?",
        "",
        "What did you do when one group stopped coming?",
    ),
}
EVIDENCE_LINKS = (
    "Photos of the logbook",
    "Minutes of the meeting",
    "Recording of the radio call-in",
    "Attendance lists",
)

# Stories for the blogs, and the calls that ask for them.
STORY_TITLES = (
    "How {t} changed our village",
    "A season of {t}",
    "The people behind {t}",
    "What nobody told us about {t}",
    "Voices from the field: {t}",
)
STORY_BODIES = (
    "When we started with {t}, nobody believed the officials would come. They came.\n\n"
    "This is the story of the first meeting, told by the people who were there.",
    "Grace has kept the ledger for three years. She knows every family that pays late, "
    "and why.\n\n> If you want to understand {t}, sit with the person who keeps the book."
    "\n\nWe sat with her for a week.",
    "Three villages, one river, and {t}. **What changed** was not the money but who "
    "spoke first at the meetings.\n\nThe older women remembered how the stream ran "
    "before the farms. The young men had the phones. Together they made the map.",
    "We expected {t} to be about rules. It turned out to be about trust: who signs, who "
    "keeps the key, who tells the radio.",
)
CALL_QUESTIONS = (
    "What changed for you when {t} started?",
    "Tell us about a moment when {t} surprised you",
    "Who made {t} work in your place?",
    "What would you tell someone starting with {t} tomorrow?",
)
CALL_BODY = (
    "We are collecting short stories (300 to 800 words) about {t}: told by the people "
    "who lived them, with a photo if you have one. The best will be published together."
)
COLLECTION_INTRO = "Stories about {t} from across the alliance, chosen with their authors."
WIKI_TITLES = (
    "Stakeholder mapping for {t}",
    "Running a learning review on {t}",
    "Outcome harvesting in {t}",
    "Glossary: {t}",
    "Appreciative inquiry with {t} groups",
)
WIKI_CATEGORIES = ("methodology", "methodology", "technique", "concept", "tool", "case")
WIKI_BODIES = (
    "## Purpose\n\nA shared way of working on {t} that partners can repeat.\n\n"
    "## When to use\n\nAt the start of a cycle, or when new partners join.\n\n"
    "## Steps\n\n1. List who is affected.\n2. Ask who decides.\n3. Map interest and "
    "influence together.\n\n## Facilitation tips\n\nLet the quietest group speak "
    "first. See also [[Stakeholder mapping]] and [[Appreciative inquiry]].",
    "Notes gathered from several initiatives working on {t}. What held: small, regular "
    "meetings; agreeing costs first; a named person who follows up. "
    "Related: [[Most significant change]].",
    "A short definition for {t}, with the words partners use for it in their own "
    "languages, and the places where the alliance has used it.",
)
WIKI_LINKS = ("Stakeholder mapping", "Appreciative inquiry", "Most significant change")
RESOURCE_TITLES = (
    "Toolkit: {t} in practice",
    "Annual report on {t}",
    "Training slides on {t}",
    "Position paper: the case for {t}",
    "Radio programme on {t}",
    "Survey data on {t}",
    "Recorded webinar about {t}",
)
RESOURCE_BODIES = (
    "A practical guide for partners working on {t}, with worksheets and examples from the field.",
    "What the alliance learned about {t} this year, with figures from every country.",
    "Material for a one-day workshop on {t}: slides, exercises and a facilitator's guide.",
)
RESOURCE_TYPES = (
    "toolkit",
    "report",
    "presentation",
    "position_paper",
    "audio",
    "dataset",
    "video",
    "training",
)
LICENCES = ("cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "all-rights-reserved", "public-domain")
RESOURCE_AUTHORS = ("A. Mensah, K. Owusu", "L. Ramírez", "Forest Voices team", "")
COLLECTION_TITLES = ("Training pack on {t}", "Reading list: {t}", "Starter kit for {t}")
COLLECTION_BODY = "A curated set of resources and wiki pages for newcomers to {t}."
STREAM_TAGS = ("radio", "wash", "stakeholdermapping", "landrights", "youth", "learning")
STREAM_TEXTS = (
    "Just back from the field: {t} meeting went well, 40 people came. #{a} #{b}",
    "Does anyone have a simple template for {t}? Asking for a partner. #{a}",
    "Good session today on {t}. Notes coming soon. #{a} #{b}",
    "Reminder: the {t} call is on Thursday. #{a}",
)
# A story's audience when it is published, in turn (never the space on the alliance blog).
AUDIENCE_CYCLE = ("public", "alliance", "space")

# Lessons: a claim that stands on its own, and the reasons for it.
LESSON_TITLES = (
    "Meet people where they already gather",
    "Read the notes back before anyone leaves",
    "Agree who pays before the work starts",
    "Let the longest users of the land speak first",
    "Count what the community counts",
    "Small regular meetings beat one big workshop",
    "Put the agreement in the language people speak",
    "Ask officials to come to the field",
)
LESSON_BODIES = (
    "In our work on {t}, turnout doubled when we moved the meeting to the market.",
    "Seen again and again in {t}: a short, regular meeting keeps people coming; "
    "a workshop once a year does not.",
    "We compared two districts working on {t}. Where costs were agreed first, the "
    "work was still going a year later.",
)
