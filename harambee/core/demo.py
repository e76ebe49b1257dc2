"""A realistic demo alliance, loaded by ``harambee demo`` into an empty database.

Thirteen organisations from every sector, forty people on four continents, eight spaces
of every kind, join policy and listing, and a few weeks of conversation at every
visibility level. Everything is fixed data: loading it twice into two fresh databases
gives the same alliance, with dates counted back from the moment of loading.

All writes that have a service go through it, so rendered HTML, audit rows and
notification mail come out as they would in real use.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from harambee.core.models import Comment, Content, Reaction, Visibility
from harambee.core.services import comment_create, reaction_toggle
from harambee.core.visibility import forget_memberships
from harambee.people.models import Organisation, Sector, User
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.spaces import services
from harambee.spaces.models import Invitation, JoinRequest, Membership, Post, Space

DEMO_PASSWORD = "harambee-demo"


class Writer(Protocol):
    def write(self, msg: str, /) -> Any: ...


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    sector: str
    country: str
    relationship: str
    description: str


@dataclass(frozen=True)
class Person:
    key: str
    email: str
    name: str
    org: str  # an Org key, or "" for people who take part on their own account
    sector: str
    country: str
    languages: tuple[str, ...]
    time_zone: str
    channels: tuple[str, ...]
    bio: str
    role: str = AllianceRole.MEMBER


@dataclass(frozen=True)
class SpaceSpec:
    key: str
    name: str
    kind: str
    listing: str
    join_policy: str
    lead: str
    days_ago: int
    description: str
    members: tuple[tuple[str, str], ...]  # (person key, space role)
    invite_code: str = ""


@dataclass(frozen=True)
class C:
    """A comment, ``hours`` after its post, with replies one level deep."""

    author: str
    hours: int
    body: str
    replies: tuple[C, ...] = ()


@dataclass(frozen=True)
class PostSpec:
    space: str
    author: str
    title: str
    visibility: str
    days_ago: int
    body: str
    comments: tuple[C, ...] = ()
    reactions: tuple[tuple[str, str], ...] = ()  # (person key, reaction type)
    coauthors: tuple[str, ...] = ()
    language: str = "en"


# The sign-ins the README and the tests name. Everyone else shares the same password.
DEMO_SIGN_INS: tuple[tuple[str, str], ...] = (
    ("steward@demo.harambee.org", "the secretariat; member of four spaces, sees every space"),
    ("lead@demo.harambee.org", "lead of the Ghana forest forum, decides its join requests"),
    ("member@demo.harambee.org", "in two spaces, not in the Ghana forest forum: ask to join it"),
    ("guest@demo.harambee.org", "outside guest, invited into the leaders' dialogue only"),
)

CS, GOV, BIZ, RES, COM, FUN, MED = (
    Sector.CIVIL_SOCIETY,
    Sector.GOVERNMENT,
    Sector.BUSINESS,
    Sector.RESEARCH,
    Sector.COMMUNITY,
    Sector.FUNDER,
    Sector.MEDIA,
)
PARTNER, MEMBER = Organisation.Relationship.PARTNER, Organisation.Relationship.MEMBER

ORGANISATIONS: tuple[Org, ...] = (
    Org(
        "secretariat",
        "Harambee Alliance Secretariat",
        CS,
        "GH",
        PARTNER,
        "Convenes the alliance, supports the steering group and runs the learning platform. "
        "Based in Accra, with a knowledge manager in Utrecht.",
    ),
    Org(
        "ffg",
        "Forest Futures Ghana",
        CS,
        "GH",
        MEMBER,
        "Supports forest-fringe communities in Bono East and Ashanti to take part in managing "
        "the reserves they depend on.",
    ),
    Org(
        "bono",
        "Bono East Regional Forest Office",
        GOV,
        "GH",
        PARTNER,
        "Manages the forest reserves of the region; a founding member of the Ghana forest forum.",
    ),
    Org(
        "greenleaf",
        "GreenLeaf Cocoa Sourcing",
        BIZ,
        "GH",
        MEMBER,
        "Buys cocoa from about 9,000 farmers in Bono East and Western North; works on shade "
        "trees and traceability.",
    ),
    Org(
        "radio",
        "Bono Community Radio",
        MED,
        "GH",
        MEMBER,
        "Community station in Sunyani broadcasting in Twi and English; home of the call-in "
        "programme 'Our Forest, Our Future'.",
    ),
    Org(
        "tana",
        "Upper Tana Water Resources Office",
        GOV,
        "KE",
        MEMBER,
        "Allocates water permits and monitors river flows in the Upper Tana sub-region.",
    ),
    Org(
        "gatanga",
        "Gatanga Women's Water Committee",
        COM,
        "KE",
        MEMBER,
        "Runs four water kiosks and a spring protection project in Gatanga, Murang'a County.",
    ),
    Org(
        "cape",
        "Cape Centre for Complexity and Change",
        RES,
        "ZA",
        PARTNER,
        "Research and training on complexity thinking and multi-stakeholder processes; runs "
        "the alliance's facilitation programme.",
    ),
    Org(
        "deccan",
        "Deccan Institute for Rural Studies",
        RES,
        "IN",
        PARTNER,
        "Studies participatory watershed management and local governance in Maharashtra.",
    ),
    Org(
        "peten",
        "Red Comunitaria Forestal del Petén",
        COM,
        "GT",
        MEMBER,
        "A network of community forest concessions in the Maya Biosphere Reserve.",
    ),
    Org(
        "terra",
        "Instituto Terra Comum",
        CS,
        "BR",
        MEMBER,
        "Supports quilombola and traditional communities in Pará to secure their territories.",
    ),
    Org(
        "lindenhof",
        "Lindenhof Foundation",
        FUN,
        "NL",
        PARTNER,
        "A family foundation in Utrecht; funds the alliance's learning platform and several "
        "of its initiatives.",
    ),
    Org(
        "rijnmond",
        "Rijnmond Water Consult",
        BIZ,
        "NL",
        MEMBER,
        "Water engineering and governance consultancy in Rotterdam.",
    ),
)

ACCRA, NAIROBI, JOBURG = "Africa/Accra", "Africa/Nairobi", "Africa/Johannesburg"
KOLKATA, MANILA, AMSTERDAM = "Asia/Kolkata", "Asia/Manila", "Europe/Amsterdam"
GUATEMALA, BELEM = "America/Guatemala", "America/Belem"
WEB, EMAIL, SMS, WA, RADIO, MEET = "web", "email", "sms", "whatsapp", "radio", "meetings"

PEOPLE: tuple[Person, ...] = (
    # The secretariat
    Person(
        "amara",
        "steward@demo.harambee.org",
        "Amara Mensah",
        "secretariat",
        CS,
        "GH",
        ("en", "tw", "fr"),
        ACCRA,
        (WEB, EMAIL, WA, MEET),
        "Coordinates the alliance secretariat: convening, membership and the learning agenda. "
        "Spent ten years facilitating community forestry in the Bono region before that.",
        AllianceRole.STEWARD,
    ),
    Person(
        "esi",
        "esi.quaye@demo.harambee.org",
        "Esi Quaye",
        "secretariat",
        CS,
        "GH",
        ("en", "ee", "tw"),
        ACCRA,
        (WEB, EMAIL, WA),
        "Communications and synthesis at the secretariat. Turns learning notes from the "
        "initiatives into the quarterly synthesis and the public newsletter.",
        AllianceRole.STEWARD,
    ),
    Person(
        "noor",
        "noor.hendriks@demo.harambee.org",
        "Noor Hendriks",
        "secretariat",
        CS,
        "NL",
        ("nl", "en", "fr"),
        AMSTERDAM,
        (WEB, EMAIL),
        "Knowledge manager for the secretariat, based in Utrecht. Looks after the methods wiki "
        "and the resource library.",
    ),
    # Ghana
    Person(
        "kwame",
        "lead@demo.harambee.org",
        "Kwame Owusu",
        "ffg",
        CS,
        "GH",
        ("en", "tw"),
        ACCRA,
        (WEB, EMAIL, WA, MEET),
        "Programme lead at Forest Futures Ghana. Convenes the Ghana collaborative "
        "forest-management forum in the forest–savannah transition zone.",
    ),
    Person(
        "akosua",
        "akosua.boateng@demo.harambee.org",
        "Akosua Boateng",
        "ffg",
        CS,
        "GH",
        ("tw", "en"),
        ACCRA,
        (WA, SMS, MEET),
        "Field facilitator with forest-fringe communities around Techiman and Kintampo. Runs "
        "the community sessions of the forum.",
    ),
    Person(
        "yaw",
        "yaw.asante@demo.harambee.org",
        "Yaw Asante",
        "ffg",
        CS,
        "GH",
        ("en", "tw"),
        ACCRA,
        (WEB, EMAIL, WA),
        "Documents the forum's action inquiry: plans, field notes and reflection sessions. "
        "Trained as a forester, learning to be an ethnographer.",
    ),
    Person(
        "comfort",
        "comfort.adjei@demo.harambee.org",
        "Comfort Adjei",
        "bono",
        GOV,
        "GH",
        ("en", "tw"),
        ACCRA,
        (EMAIL, WA, MEET),
        "District forest manager. Represents the regional forest office in the forum and "
        "carries its agreements back into the service.",
    ),
    Person(
        "ibrahim",
        "ibrahim.sulemana@demo.harambee.org",
        "Ibrahim Sulemana",
        "bono",
        GOV,
        "GH",
        ("en", "ha", "tw"),
        ACCRA,
        (SMS, WA, MEET),
        "Range supervisor responsible for the forest guards of two reserves. Wants joint "
        "patrols with community watch teams.",
    ),
    Person(
        "nana",
        "nana.frimpong@demo.harambee.org",
        "Nana Ama Frimpong",
        "greenleaf",
        BIZ,
        "GH",
        ("en", "tw"),
        ACCRA,
        (WEB, EMAIL, WA),
        "Sustainability manager at GreenLeaf Cocoa Sourcing. Works on shade trees, "
        "traceability and farmer premiums.",
    ),
    Person(
        "daniel",
        "daniel.ofori@demo.harambee.org",
        "Daniel Ofori",
        "greenleaf",
        BIZ,
        "GH",
        ("en", "tw"),
        ACCRA,
        (WA, EMAIL),
        "Field procurement officer for GreenLeaf in Bono East; meets cocoa farmers every "
        "week. In cohort 3 of the facilitation programme.",
    ),
    Person(
        "kofi",
        "kofi.badu@demo.harambee.org",
        "Kofi Badu",
        "radio",
        MED,
        "GH",
        ("tw", "en"),
        ACCRA,
        (RADIO, SMS, WA),
        "Station manager at Bono Community Radio and presenter of the weekly call-in "
        "programme 'Our Forest, Our Future'.",
    ),
    Person(
        "abena",
        "abena.serwaa@demo.harambee.org",
        "Abena Serwaa",
        "",
        COM,
        "GH",
        ("tw", "en"),
        ACCRA,
        (SMS, RADIO, MEET),
        "Chairs a community forest committee near Kintampo and speaks for the queen mother "
        "in forest matters. Follows the forum by SMS and radio.",
    ),
    Person(
        "kwabena",
        "kwabena.donkor@demo.harambee.org",
        "Kwabena Donkor",
        "",
        COM,
        "GH",
        ("tw",),
        ACCRA,
        (SMS, RADIO, MEET),
        "Cocoa farmer and secretary of a farmers' association with 140 members. Wants farmers "
        "to own the trees they plant and protect.",
    ),
    # Kenya
    Person(
        "wanjiru",
        "wanjiru.kamau@demo.harambee.org",
        "Wanjiru Kamau",
        "tana",
        GOV,
        "KE",
        ("en", "sw", "ki"),
        NAIROBI,
        (WEB, EMAIL, WA, MEET),
        "Catchment officer at the Upper Tana Water Resources Office. Leads the water "
        "stewardship initiative in the Thika and Chania sub-catchments.",
    ),
    Person(
        "otieno",
        "peter.otieno@demo.harambee.org",
        "Peter Otieno",
        "tana",
        GOV,
        "KE",
        ("en", "sw", "luo"),
        NAIROBI,
        (WEB, EMAIL, SMS),
        "Hydrologist. Runs the river gauging network and is trying to make its data useful to "
        "water users, not only to the office.",
    ),
    Person(
        "grace",
        "grace.njeri@demo.harambee.org",
        "Grace Njeri",
        "gatanga",
        COM,
        "KE",
        ("ki", "sw", "en"),
        NAIROBI,
        (SMS, WA, MEET, RADIO),
        "Chairperson of the Gatanga Women's Water Committee, which runs four water kiosks and "
        "a spring protection project.",
    ),
    Person(
        "faith",
        "faith.muthoni@demo.harambee.org",
        "Faith Muthoni",
        "gatanga",
        COM,
        "KE",
        ("ki", "sw"),
        NAIROBI,
        (SMS, MEET),
        "Treasurer of the women's water committee and keeper of the kiosk record books.",
    ),
    Person(
        "samuel",
        "samuel.mwangi@demo.harambee.org",
        "Samuel Mwangi",
        "",
        BIZ,
        "KE",
        ("en", "sw", "ki"),
        NAIROBI,
        (EMAIL, WA, WEB),
        "Irrigation manager at a horticulture exporter near Thika. Sits on the water resource "
        "users' association.",
    ),
    Person(
        "brian",
        "brian.ochieng@demo.harambee.org",
        "Brian Ochieng",
        "",
        MED,
        "KE",
        ("en", "sw", "luo"),
        NAIROBI,
        (RADIO, WA, WEB),
        "Journalist and producer at a community radio station in Murang'a. Makes programmes "
        "on water, land and local government.",
    ),
    # South Africa
    Person(
        "thandi",
        "thandiwe.nkosi@demo.harambee.org",
        "Thandiwe Nkosi",
        "cape",
        RES,
        "ZA",
        ("en", "zu", "xh"),
        JOBURG,
        (WEB, EMAIL, MEET),
        "Senior researcher on complexity and multi-stakeholder processes. Convenes the action "
        "inquiry practice circle.",
    ),
    Person(
        "marius",
        "marius.botha@demo.harambee.org",
        "Marius Botha",
        "cape",
        RES,
        "ZA",
        ("af", "en"),
        JOBURG,
        (WEB, EMAIL),
        "Training coordinator at the Cape Centre. Runs the facilitation programme and its "
        "coaching pairs.",
    ),
    Person(
        "lindiwe",
        "lindiwe.dlamini@demo.harambee.org",
        "Lindiwe Dlamini",
        "cape",
        RES,
        "ZA",
        ("en", "zu"),
        JOBURG,
        (WEB, WA),
        "PhD researcher studying how learning notes travel between initiatives. "
        "Co-facilitates the practice circle.",
    ),
    Person(
        "sipho",
        "sipho.mahlangu@demo.harambee.org",
        "Sipho Mahlangu",
        "",
        COM,
        "ZA",
        ("en", "zu"),
        JOBURG,
        (SMS, WA, MEET),
        "On a land restitution committee in Limpopo negotiating a settlement with a citrus "
        "estate and the provincial government.",
    ),
    # India
    Person(
        "priya",
        "priya.deshpande@demo.harambee.org",
        "Priya Deshpande",
        "deccan",
        RES,
        "IN",
        ("en", "mr", "hi"),
        KOLKATA,
        (WEB, EMAIL),
        "Associate professor of rural development. Leads the research collaboration on power, "
        "voice and inclusion.",
    ),
    Person(
        "arjun",
        "arjun.nair@demo.harambee.org",
        "Arjun Nair",
        "deccan",
        RES,
        "IN",
        ("en", "ml", "hi", "mr"),
        KOLKATA,
        (WEB, EMAIL, WA),
        "Research associate on participatory watershed management in Maharashtra.",
    ),
    Person(
        "meena",
        "meena.kumari@demo.harambee.org",
        "Meena Kumari",
        "",
        COM,
        "IN",
        ("hi", "mr"),
        KOLKATA,
        (SMS, WA, MEET),
        "Leads a federation of women's self-help groups in Ahmednagar district; co-researcher "
        "in the inclusion study.",
    ),
    Person(
        "suresh",
        "suresh.patil@demo.harambee.org",
        "Suresh Patil",
        "",
        GOV,
        "IN",
        ("mr", "hi", "en"),
        KOLKATA,
        (EMAIL, MEET),
        "Block development officer in Maharashtra, responsible for watershed and "
        "employment-guarantee works.",
    ),
    # Guatemala
    Person(
        "lucia",
        "member@demo.harambee.org",
        "Lucía Ramírez",
        "peten",
        COM,
        "GT",
        ("es", "en"),
        GUATEMALA,
        (WEB, WA, RADIO, MEET),
        "Coordinates learning exchanges between the community forest concessions of Petén. "
        "Curious how other forums build trust between communities and the state.",
    ),
    Person(
        "mateo",
        "mateo.caal@demo.harambee.org",
        "Mateo Caal",
        "peten",
        COM,
        "GT",
        ("es", "kek"),
        GUATEMALA,
        (SMS, WA, RADIO),
        "Forest guard and fire brigade coordinator in a community concession. Speaks "
        "Q'eqchi' and Spanish.",
    ),
    Person(
        "ingrid",
        "ingrid.pop@demo.harambee.org",
        "Ingrid Pop",
        "",
        GOV,
        "GT",
        ("es", "en"),
        GUATEMALA,
        (EMAIL, WA, MEET),
        "Regional officer of the protected areas administration in Petén; works with the "
        "concessions on contract renewals.",
    ),
    # Brazil
    Person(
        "rafael",
        "rafael.souza@demo.harambee.org",
        "Rafael Souza",
        "terra",
        CS,
        "BR",
        ("pt", "es", "en"),
        BELEM,
        (WEB, EMAIL, WA),
        "Coordinator at Instituto Terra Comum. Leads the land rights and tenure working group.",
    ),
    Person(
        "ana",
        "ana.lima@demo.harambee.org",
        "Ana Beatriz Lima",
        "terra",
        CS,
        "BR",
        ("pt", "en"),
        BELEM,
        (WEB, EMAIL),
        "Lawyer specialising in collective land titles and overlapping claims in the Amazon.",
    ),
    Person(
        "raimunda",
        "raimunda.ferreira@demo.harambee.org",
        "Raimunda Ferreira",
        "",
        COM,
        "BR",
        ("pt",),
        BELEM,
        (WA, RADIO, MEET),
        "President of a quilombola community association in Pará, defending the community's "
        "territory against the expansion of cattle ranches.",
    ),
    Person(
        "carlos",
        "carlos.menezes@demo.harambee.org",
        "Carlos Menezes",
        "",
        GOV,
        "BR",
        ("pt", "es"),
        BELEM,
        (EMAIL, MEET),
        "Municipal secretary for the environment in Pará; works on the rural environmental "
        "register.",
    ),
    # The Netherlands
    Person(
        "eva",
        "eva.janssen@demo.harambee.org",
        "Eva Janssen",
        "lindenhof",
        FUN,
        "NL",
        ("nl", "en", "de"),
        AMSTERDAM,
        (WEB, EMAIL),
        "Programme officer for learning and evaluation at the Lindenhof Foundation, which "
        "funds the alliance's learning platform.",
    ),
    Person(
        "hanneke",
        "hanneke.smit@demo.harambee.org",
        "Hanneke Smit",
        "lindenhof",
        FUN,
        "NL",
        ("nl", "en", "fr"),
        AMSTERDAM,
        (EMAIL, WEB),
        "Grants officer at the Lindenhof Foundation; follows the initiatives the foundation "
        "supports.",
    ),
    Person(
        "pieter",
        "guest@demo.harambee.org",
        "Pieter de Vries",
        "rijnmond",
        BIZ,
        "NL",
        ("nl", "en"),
        AMSTERDAM,
        (EMAIL, WEB),
        "Managing director of Rijnmond Water Consult. Invited to the leaders' dialogue to "
        "bring a private-sector view of water governance.",
        AllianceRole.GUEST,
    ),
    Person(
        "femke",
        "femke.visser@demo.harambee.org",
        "Femke Visser",
        "",
        RES,
        "NL",
        ("nl", "en", "es"),
        AMSTERDAM,
        (WEB, EMAIL),
        "Independent researcher on social and emancipatory learning; co-facilitates the "
        "research collaboration.",
    ),
    # The Philippines
    Person(
        "marites",
        "marites.villanueva@demo.harambee.org",
        "Marites Villanueva",
        "",
        CS,
        "PH",
        ("en", "tl"),
        MANILA,
        (WEB, WA, MEET),
        "Independent facilitator of multi-stakeholder processes, from barangay land-use "
        "planning to national dialogues. Coach in the training programme.",
    ),
    Person(
        "benjie",
        "benjie.dulnuan@demo.harambee.org",
        "Benjie Dulnuan",
        "",
        COM,
        "PH",
        ("en", "tl"),
        MANILA,
        (SMS, WA, MEET),
        "Indigenous community organiser in Ifugao working on ancestral domain plans and rice "
        "terrace restoration.",
    ),
)

LEAD, FAC, MEM, OBS = SpaceRole.LEAD, SpaceRole.FACILITATOR, SpaceRole.MEMBER, SpaceRole.OBSERVER
T, L, JP = Space.Type, Space.Listing, Space.JoinPolicy


def _members(by_role: dict[str, tuple[str, ...]]) -> tuple[tuple[str, str], ...]:
    """Everyone but the lead, who is the space's creator."""
    return tuple((key, role) for role, keys in by_role.items() for key in keys)


SPACES: tuple[SpaceSpec, ...] = (
    SpaceSpec(
        "ghana",
        "Ghana collaborative forest-management forum",
        T.INITIATIVE,
        L.MEMBERS,
        JP.REQUEST,
        "kwame",
        70,
        """
        Forest-fringe communities, traditional authorities, the regional forest office, cocoa
        buyers and community radio working out together how to manage the forest reserves of
        the forest–savannah transition zone in Bono East.

        An action inquiry site of the alliance. Ask to join: the leads welcome practitioners
        from other co-management forums.
        """,
        _members(
            {
                FAC: ("akosua",),
                MEM: (
                    "amara",
                    "yaw",
                    "comfort",
                    "ibrahim",
                    "nana",
                    "daniel",
                    "kofi",
                    "abena",
                    "kwabena",
                ),
                OBS: ("eva",),
            }
        ),
    ),
    SpaceSpec(
        "tana",
        "Upper Tana catchment water stewardship",
        T.INITIATIVE,
        L.PUBLIC,
        JP.OPEN,
        "wanjiru",
        65,
        """
        Water users of the Thika and Chania rivers, from women's water committees to
        horticulture exporters, agreeing how to share the river in the dry season and checking
        together whether the agreements hold.
        """,
        _members(
            {
                FAC: ("otieno",),
                MEM: ("grace", "faith", "samuel", "brian", "arjun"),
                OBS: ("hanneke",),
            }
        ),
    ),
    SpaceSpec(
        "land",
        "Land rights and tenure working group",
        T.WORKING_GROUP,
        L.MEMBERS,
        JP.OPEN,
        "rafael",
        62,
        """
        Practitioners, lawyers, community leaders and officials comparing how insecure tenure
        shapes multi-stakeholder processes, and writing the alliance's position paper on it.
        """,
        _members(
            {
                FAC: ("ana",),
                MEM: (
                    "raimunda",
                    "lucia",
                    "mateo",
                    "benjie",
                    "sipho",
                    "carlos",
                    "ingrid",
                    "marites",
                    "meena",
                ),
            }
        ),
    ),
    SpaceSpec(
        "steering",
        "Steering group",
        T.WORKING_GROUP,
        L.SECRET,
        JP.INVITATION,
        "amara",
        90,
        """
        The alliance steering group and the secretariat: agendas, decisions, and drafts before
        they are shared more widely.
        """,
        _members(
            {
                FAC: ("esi",),
                MEM: ("thandi", "eva", "priya", "rafael", "kwame", "noor"),
            }
        ),
    ),
    SpaceSpec(
        "circle",
        "Action inquiry practice circle",
        T.DISCUSSION_GROUP,
        L.PUBLIC,
        JP.OPEN,
        "thandi",
        80,
        """
        For everyone who documents, facilitates or studies change initiatives and wants to get
        better at learning from practice while doing it. Monthly online sessions; drafts and
        questions here.
        """,
        _members(
            {
                FAC: ("lindiwe",),
                MEM: (
                    "amara",
                    "lucia",
                    "kwame",
                    "akosua",
                    "yaw",
                    "wanjiru",
                    "arjun",
                    "marites",
                    "femke",
                    "noor",
                    "mateo",
                ),
            }
        ),
    ),
    SpaceSpec(
        "leaders",
        "Leaders' dialogue on enabling conditions",
        T.DISCUSSION_GROUP,
        L.MEMBERS,
        JP.INVITATION,
        "amara",
        35,
        """
        A small, invited dialogue between leaders in government, business, philanthropy and
        civil society on what they can do to make multi-stakeholder processes work.
        Chatham House rule: nothing said here is attributed outside the space.
        """,
        _members(
            {
                FAC: ("thandi",),
                MEM: ("eva", "comfort", "carlos", "suresh", "nana", "samuel", "ingrid"),
            }
        ),
    ),
    SpaceSpec(
        "research",
        "Power, voice and inclusion in multi-stakeholder processes",
        T.RESEARCH,
        L.MEMBERS,
        JP.CODE,
        "priya",
        55,
        """
        A collaborative research project across four initiatives: whose voices shape decisions,
        and what helps marginalised participants to be heard. Co-researchers from each site
        take part as equals. Partners receive the invite code from the research leads.
        """,
        _members(
            {
                FAC: ("femke",),
                MEM: ("arjun", "thandi", "lindiwe", "yaw", "ana", "meena"),
            }
        ),
        invite_code="voice-and-power",
    ),
    SpaceSpec(
        "programme",
        "Facilitating multi-stakeholder change: cohort 3",
        T.PROGRAMME,
        L.PUBLIC,
        JP.CODE,
        "marius",
        58,
        """
        A six-month training programme for facilitators and process leaders, with readings,
        short videos (also as audio), assignments on your own initiative and coaching in pairs.
        Participants receive the enrolment code from their organisation.
        """,
        _members(
            {
                FAC: ("marites",),
                MEM: (
                    "akosua",
                    "mateo",
                    "grace",
                    "benjie",
                    "brian",
                    "daniel",
                    "otieno",
                    "ingrid",
                    "suresh",
                ),
                OBS: ("hanneke",),
            }
        ),
        invite_code="cohort-three",
    ),
)

GUEST_INVITATION = {
    "space": "leaders",
    "by": "amara",
    "guest": "pieter",
    "message": "Pieter, thank you for agreeing to join the leaders' dialogue. The space holds the "
    "session summaries; everything in it stays under the Chatham House rule.",
}

OPEN_INVITATION = {
    "space": "ghana",
    "by": "kwame",
    "email": "efua.addo@demo.harambee.org",
    "message": "Efua, after the district assembly meeting you asked how the forum works. This "
    "link lets you into the online space; the next meeting in Techiman is in two weeks.",
}

JOIN_REQUESTS: tuple[tuple[str, str, str, int], ...] = (
    (
        "ghana",
        "lindiwe",
        "I study how learning notes travel between initiatives and would like to follow the "
        "forum's reflection sessions. I will not quote anyone without permission.",
        3,
    ),
    (
        "ghana",
        "marites",
        "I facilitate co-management bodies for protected areas in the Philippines and would love to "
        "learn how the forum works with traditional authorities.",
        2,
    ),
    (
        "ghana",
        "brian",
        "I produce radio programmes on water and land in Murang'a. Kofi's call-in format is "
        "something I want to learn from. Could I listen in?",
        1,
    ),
)

PUB, ALL, SPC, PRV = Visibility.PUBLIC, Visibility.ALLIANCE, Visibility.SPACE, Visibility.PRIVATE
LIKE, INSIGHT, THANKS = Reaction.Type.LIKE, Reaction.Type.INSIGHTFUL, Reaction.Type.THANKS

POSTS: tuple[PostSpec, ...] = (
    # --- Ghana collaborative forest-management forum ---------------------------------------
    PostSpec(
        "ghana",
        "kwame",
        "What the Ghana forest forum is for, and who sits at the table",
        PUB,
        42,
        """
        The forum brings together the people who depend on, manage and trade from the forest
        reserves of the forest–savannah transition zone in Bono East: forest-fringe communities
        and their traditional authorities, the regional forest office, cocoa buyers, Bono
        Community Radio and Forest Futures Ghana.

        Degradation here is not one problem with one owner. Farmers clear reserve edges because
        tree tenure gives them no reason to keep trees on their farms; forest guards are too few
        to patrol; buyers want deforestation-free cocoa but pay for volume. Everyone holds part
        of the picture.

        **Our inquiry question for this year:** under what conditions do farmers, chiefs and
        forest officers trust a shared plan enough to keep to it when nobody is watching?

        How the forum works:

        - a meeting in Techiman every second month, in Twi with English summaries;
        - community sessions in six fringe communities, led by community facilitators;
        - a monthly radio call-in, so people who never come to meetings still have a say;
        - a short learning note after every cycle, shared here.

        Members of the alliance can ask to join the space. We especially want to hear from
        people running similar co-management forums elsewhere.
        """,
        comments=(
            C(
                "comfort",
                5,
                "For the regional office this forum is the first place where we hear complaints "
                "before they turn into conflicts. That alone has been worth the time.",
                (
                    C(
                        "kwame",
                        9,
                        "Thank you, Comfort. Could you say a word at the next meeting about what the "
                        "office can and cannot commit to? People ask every time.",
                    ),
                ),
            ),
            C(
                "lucia",
                30,
                "In Petén the community concessions took almost ten years to earn that kind of "
                "trust with the protected areas council. What helped most was joint fire patrols: "
                "working side by side before negotiating anything. Is joint patrolling on your "
                "list?",
                (
                    C(
                        "kwame",
                        34,
                        "It is, and Ibrahim has been pushing for it. Lucía, the community facilitators "
                        "would learn a lot from the concessions. Ask to join the forum space!",
                    ),
                ),
            ),
            C(
                "abena",
                50,
                "Please do not fix the next meeting on a market day. The women will not come.",
            ),
        ),
        reactions=(("amara", LIKE), ("eva", INSIGHT), ("lucia", INSIGHT), ("kofi", LIKE)),
    ),
    PostSpec(
        "ghana",
        "akosua",
        "Cycle 2 plan: a boundary walk with two fringe communities",
        SPC,
        35,
        """
        **Plan.** At the last forum meeting people disagreed about where the reserve boundary
        actually runs near Asuboi and Nkwanta. The pillars were set in the 1950s and many are
        gone. Instead of arguing over maps, the forum agreed to walk the boundary together.

        - **Who:** six farmers from each community (at least two women), two forest guards, the
          chief's linguist, and Yaw to take notes.
        - **When:** the second week of next month, before the rains make the paths hard.
        - **What to watch for:** where people disagree, who speaks first, and what the guards do
          when farms turn up inside the line.

        **Questions for the space:** Ibrahim, can the guards come without uniforms? Kwabena,
        which farmers should come so that it is not only the association's executives?
        """,
        comments=(
            C(
                "ibrahim",
                6,
                "No uniforms, no problem. But the guards must carry their IDs; if anything happens "
                "on the walk they need to show who they are.",
                (C("akosua", 8, "Agreed. IDs in the pocket, no uniforms, no guns."),),
            ),
            C(
                "kwabena",
                20,
                "Invite the farmers on the eastern side. They have the oldest farms inside the "
                "line and they are the ones most afraid of this walk.",
            ),
        ),
        reactions=(("kwame", THANKS), ("yaw", LIKE), ("comfort", LIKE)),
    ),
    PostSpec(
        "ghana",
        "yaw",
        "Reflection: the boundary walk did not go as planned, and that was useful",
        ALL,
        28,
        """
        Cycle 2, **observe and reflect**: notes from the boundary walk and the reflection
        session two days later.

        **What happened.** Thirteen people walked about 4 km of the boundary. Within the first
        hour we found three cocoa farms inside the reserve line. The farmers went quiet. Nobody
        argued; they simply stopped talking. The guards were friendly, but their presence was
        enough.

        **What surprised us.** In the separate women's session the next day the conversation was
        not about farms at all. It was about fuelwood and shea trees on the savannah side, which
        nobody had put on the forum's agenda.

        **What we take from it.**

        1. Walking together built goodwill, but it is not a safe space for people who are
           already breaking the rules. Disclosure needs a different setting.
        2. "Who uses the forest" is a wider group than "who farms next to the forest".
        3. We wrote the plan as facilitators. Next cycle, the communities write the walk plan.

        Comments from other initiatives are very welcome: how do you handle the moment when
        something illegal comes into the open?
        """,
        comments=(
            C(
                "comfort",
                10,
                "From the forest office: nobody will be arrested for what was seen on the walk. I "
                "said so at the forum and I will put it in writing if that helps.",
                (
                    C(
                        "yaw",
                        14,
                        "A letter would help a lot. Akosua can read it out in the community sessions.",
                    ),
                ),
            ),
            C(
                "thandi",
                26,
                "A classic moment in action inquiry: the method changed what could be said. The "
                "silence is data. In the practice circle we call this asking *who holds the pen?*, "
                "and point 3 answers it honestly.",
                (
                    C(
                        "yaw",
                        30,
                        "That phrase will stay with me. Could you share how you document silences "
                        "without guessing what people think?",
                    ),
                ),
            ),
            C(
                "nana",
                40,
                "Point 2 matters for buyers too. Our traceability maps only the cocoa farms; "
                "fuelwood and shea collection are invisible to us.",
            ),
        ),
        reactions=(("thandi", INSIGHT), ("amara", THANKS), ("priya", INSIGHT), ("lucia", LIKE)),
    ),
    PostSpec(
        "ghana",
        "kofi",
        "Radio call-in: 63 callers on 'Who owns the trees on my farm?'",
        PUB,
        20,
        """
        Last Wednesday's edition of *Our Forest, Our Future* asked one question: who owns the
        trees on your farm? We took calls for 90 minutes and received 41 text messages after we
        went off air.

        What callers said, roughly in order of how often:

        - Most believe that any tree they did not plant belongs to the government, and some think
          even planted trees do. So when a timber contractor comes, they feel they have no say
          and get nothing.
        - Several said they cut young trees on purpose, so that there is nothing to lose later.
        - Two callers had registered their planted trees with the forest office and received a
          certificate. Nobody else had heard that this is possible.
        - Many asked whether the cocoa companies will pay for shade trees.

        Comfort Adjei of the regional forest office explained tree registration on air. We will
        repeat the steps in Twi in the next three programmes.

        The recording is available to alliance members on request.
        """,
        comments=(
            C(
                "kwabena",
                12,
                "My association listened together at the chief's palace. After the programme eleven "
                "farmers asked me how to register their trees. Nobody had told them before.",
                (
                    C(
                        "kofi",
                        15,
                        "Kwabena, can we record some of them for the next programme? Hearing a "
                        "neighbour convinces more than hearing an officer.",
                    ),
                    C(
                        "nana",
                        20,
                        "GreenLeaf can help with transport to the district office for farmers who want "
                        "to register. Let us talk about numbers.",
                    ),
                ),
            ),
            C(
                "daniel",
                28,
                "The farmers I visit were talking about the programme at the buying centre the "
                "next morning. Radio reaches people our meetings never do.",
            ),
        ),
        reactions=(("abena", LIKE), ("kwame", THANKS), ("rafael", INSIGHT)),
    ),
    PostSpec(
        "ghana",
        "kwame",
        "Draft: notes for the district assembly briefing (not for sharing)",
        PRV,
        5,
        """
        Working notes, **only for Akosua and me** until we agree what can be said in public.

        - Chainsaw operators are working at night on the northern edge. Two community members
          have named people; the names go nowhere without their consent and a plan for their
          safety.
        - The assembly member for the area has family ties to one of the operators. Go through
          the District Chief Executive's office, not through him.
        - Ask for: a pilot of joint patrols (guards and community watch), a letter on
          non-prosecution for what farmers disclose on boundary walks, and a slot for the forum
          at the next assembly meeting.

        To decide: mention the chainsaw problem in the briefing at all, or only in a private
        meeting?
        """,
        coauthors=("akosua",),
        comments=(
            C(
                "akosua",
                4,
                "Private meeting only. If it comes up in the assembly, everybody in the community "
                "will know within a day who talked.",
                (
                    C(
                        "kwame",
                        6,
                        "Agreed. I will ask the DCE for twenty minutes alone after the briefing.",
                    ),
                ),
            ),
        ),
        reactions=(("akosua", THANKS),),
    ),
    PostSpec(
        "ghana",
        "nana",
        "Proposal for discussion: a premium for shade trees",
        SPC,
        12,
        """
        GreenLeaf is considering a premium for farmers who keep and register shade trees on
        their cocoa farms. Before it goes to management, I would like the forum to pull it apart.

        | Element | Proposal |
        |---|---|
        | Who | farmers in our supply chain in Bono East |
        | What | a premium per registered tree, paid once a year with the second bonus |
        | Minimum | 12 shade trees per hectare, checked on the annual farm visit |
        | Registration | with the forest office; GreenLeaf pays transport and fees |

        What worries me: that farmers without papers for their land are left out; that it
        rewards farmers who already have trees rather than those who plant; and that a company
        premium can stop whenever the company changes its mind.

        What would make this fair in your eyes?
        """,
        comments=(
            C(
                "comfort",
                7,
                "Registration is the right start. But the office can process about 200 "
                "registrations a month. Please phase it by community, or the office becomes the "
                "bottleneck.",
            ),
            C(
                "abena",
                22,
                "Women farm the land but the papers are in their husbands' names. If the premium "
                "goes to whoever holds the paper, the women will plant and the men will be paid.",
                (
                    C(
                        "nana",
                        26,
                        "That is exactly what I needed to hear. Could the payment go to the person who "
                        "registers the tree rather than the landholder? I will ask the forest office.",
                    ),
                    C(
                        "comfort",
                        31,
                        "The certificate can name the planter. It is not common, but it is allowed.",
                    ),
                ),
            ),
            C(
                "ibrahim",
                44,
                "Add a rule for trees that die naturally, otherwise farmers will fear losing the "
                "premium in a dry year.",
            ),
        ),
        reactions=(("kwabena", LIKE), ("daniel", LIKE), ("eva", INSIGHT)),
    ),
    # --- Upper Tana catchment water stewardship --------------------------------------------
    PostSpec(
        "tana",
        "wanjiru",
        "Upper Tana: sharing the river in the dry season",
        PUB,
        40,
        """
        The Thika and Chania rivers feed smallholder farms, horticulture exporters, a tea factory
        and a large share of Nairobi's water. In the dry months from January to March there is
        simply not enough for everyone, and the quarrels start at the intakes.

        This initiative brings together the water resources office, the water resource users'
        associations, the Gatanga Women's Water Committee, irrigators and a community radio
        station to agree how to share low flows, and to check together whether the agreements
        hold.

        The action inquiry runs in three-month cycles. The first cycle asked: *what do different
        users think is happening to the river?* The answers differed so much that the second
        cycle is about building a shared picture: gauge readings, kiosk records, and what
        farmers see at their intakes.

        Anyone in the alliance is welcome to join this space and follow along.
        """,
        comments=(
            C(
                "grace",
                8,
                "For the women the river is not a number, it is the walk to the spring. When the "
                "kiosk is dry we walk two hours. Please count that too.",
            ),
            C(
                "samuel",
                20,
                "From the irrigators' side: we will share our abstraction records if the others "
                "share theirs. Nobody wants to be the only one who is transparent.",
                (
                    C(
                        "wanjiru",
                        23,
                        "Fair. The office will publish its own permit data first, so nobody feels "
                        "singled out.",
                    ),
                ),
            ),
            C(
                "brian",
                36,
                "I would like to make a radio series following this cycle. Listeners upstream and "
                "downstream rarely hear each other.",
            ),
        ),
        reactions=(("otieno", LIKE), ("hanneke", LIKE), ("arjun", INSIGHT), ("amara", THANKS)),
    ),
    PostSpec(
        "tana",
        "grace",
        "What the kiosk record books told us",
        SPC,
        18,
        """
        Faith and I went through the record books of our four water kiosks for the last two dry
        seasons. We count the jerrycans sold each day and write down when the tap runs dry.

        - In February the kiosk at the lower village was dry on 17 days out of 28.
        - The dry days came in runs of three or four, mostly at the end of the week.
        - The upper kiosks were dry on only 4 days.

        Peter says the gauge did not drop much on those days. So maybe the water is taken between
        the gauge and our intake. We do not want to accuse anybody. We want to know.

        Next step: we write down the time of day when the tap stops, and Peter checks the gauge
        at the same hours.
        """,
        comments=(
            C(
                "otieno",
                5,
                "Very useful. The end-of-week pattern fits the irrigation schedules of some farms. "
                "I can install a temporary logger near your intake for a month.",
                (
                    C(
                        "grace",
                        9,
                        "Yes please. And show us how to read it, so we do not depend on the office.",
                    ),
                    C(
                        "wanjiru",
                        14,
                        "Let us present the logger data together at the next users' meeting, not "
                        "before. Findings should come from both sides.",
                    ),
                ),
            ),
            C(
                "faith",
                30,
                "The book for the lower kiosk got wet and some pages are lost. From next month I "
                "also send the numbers by SMS every Friday.",
            ),
        ),
        reactions=(("wanjiru", THANKS), ("hanneke", INSIGHT)),
    ),
    PostSpec(
        "tana",
        "samuel",
        "Why our farm agreed to night-time abstraction limits",
        ALL,
        9,
        """
        A business view, since several people asked.

        Our farm irrigates 40 hectares of French beans and flowers for export. Last dry season
        the downstream users accused us of drying the river. We believed we were within our
        permit. Both things were true: we were within our permit, and all the permits together
        allow more water than the river carries in February.

        At the users' association we agreed to stop abstracting between 6 p.m. and 6 a.m. from
        January to March, and to share our meter readings every week. It cost us some yield.
        What we got in return:

        - no more blockades at our intake;
        - our buyers in Europe now ask about water, and we have an honest answer;
        - a seat at the table when the permits are reviewed.

        I share this because many companies see these processes only as a cost. For us it was
        also a way of reducing risk.
        """,
        comments=(
            C(
                "arjun",
                10,
                "In Maharashtra we see the same with borewells: every permit is legal and the "
                "aquifer still runs dry. Did the agreement need the office to change the permits, "
                "or was it voluntary?",
            ),
            C(
                "grace",
                18,
                "Since the night limit the lower kiosk has water in the morning. The women noticed "
                "in the first week.",
                (
                    C(
                        "samuel",
                        22,
                        "Thank you, Grace. That is the first time someone downstream has told me "
                        "something good about our farm.",
                    ),
                ),
            ),
            C(
                "suresh",
                40,
                "Voluntary agreements are good, but officers move and companies change owners. How "
                "will the agreement outlive the people who negotiated it?",
                (
                    C(
                        "samuel",
                        44,
                        "Honestly, we do not know yet. Wanjiru is looking at writing it into the permit "
                        "conditions at the next review.",
                    ),
                ),
            ),
        ),
        reactions=(("eva", INSIGHT), ("wanjiru", LIKE), ("suresh", LIKE)),
    ),
    # --- Land rights and tenure working group ----------------------------------------------
    PostSpec(
        "land",
        "rafael",
        "Mapping overlapping claims: notes from Pará",
        ALL,
        38,
        """
        In the municipality where we work, the rural environmental register (CAR) now shows more
        declared private land than the municipality has land. Self-declared ranch boundaries lie
        on top of a quilombola territory, an extractive reserve and each other.

        We ran three participatory mapping workshops with the quilombola association, using
        printed satellite images and GPS walks. The community's map and the register overlap on
        2,300 hectares.

        What we learned about the process:

        - Printed images worked far better than tablets: people stood around them and argued.
        - The elders knew boundaries the young people had never heard of; the young people knew
          where the new fences were. Mapping together brought both in.
        - The municipal environment secretary came to the last workshop. That turned the
          conversation from "our word against theirs" into "what does the municipality do with
          this?"

        Open question for the group: has anyone had an overlapping registration cancelled
        without going to court?
        """,
        comments=(
            C(
                "benjie",
                12,
                "In the Philippines we had the same fight between ancestral domain titles and "
                "mining claims. The community map counted as evidence only after the national "
                "commission validated it. Is there a body that can validate yours?",
            ),
            C(
                "sipho",
                20,
                "We had overlapping claims on restitution land. What helped was a joint site visit "
                "with the surveyor, the estate and our committee on the same day. Nobody argues "
                "about a fence when everybody is standing next to it.",
                (
                    C(
                        "rafael",
                        26,
                        "Sipho, that is what we will try with the land institute. Would you join a call "
                        "with the association to tell them how you prepared the visit?",
                    ),
                    C("sipho", 30, "Yes. Evenings, South African time, work best for me."),
                ),
            ),
            C(
                "ana",
                34,
                "On the legal side: cancellation without court is possible when a registration "
                "was never validated, and most of the overlapping ones are not. I will write it up.",
            ),
        ),
        reactions=(("lucia", INSIGHT), ("raimunda", THANKS), ("thandi", INSIGHT)),
    ),
    PostSpec(
        "land",
        "lucia",
        "Concesiones comunitarias: lo que aprendimos en la renovación de contratos",
        SPC,
        22,
        """
        Comparto unas notas de la renovación de los contratos de dos concesiones forestales
        comunitarias en Petén. Fue un proceso largo, con muchos actores: comunidades, el consejo
        de áreas protegidas, compradores de madera y organizaciones de apoyo.

        **Lo que funcionó**

        - Llegar con datos propios: inventarios, registros de incendios y de patrullajes de diez
          años.
        - Que las mujeres de las comunidades presentaran sus propios proyectos (xate, turismo,
          semillas).
        - Reuniones en las comunidades, no solo en la ciudad.

        **Lo que no funcionó**

        - Los plazos: los contratos vencían antes de que terminaran las evaluaciones.
        - Hablar solo con los técnicos, cuando las decisiones se tomaban más arriba.

        *In English:* notes from the renewal of two community forest concession contracts in
        Petén. What worked: bringing the communities' own data, women presenting their own
        enterprises, meetings held in the communities. What did not: deadlines that ran out
        before the evaluations were finished, and talking only to technical staff when the
        decisions were made higher up.
        """,
        language="es",
        comments=(
            C(
                "mateo",
                6,
                "Los registros de incendios fueron clave. Los guardabosques los llevamos en "
                "cuadernos y por WhatsApp desde 2012.",
            ),
            C(
                "ana",
                15,
                "Thank you for the English summary. Talking to the people who decide is the same "
                "problem in Brazil. How did you finally reach them?",
                (
                    C(
                        "lucia",
                        19,
                        "Through the radio, honestly. Once the communities were on air every week, the "
                        "council's director asked to meet them.",
                    ),
                ),
            ),
            C(
                "ingrid",
                33,
                "Desde el consejo: reconozco que los plazos fueron un problema nuestro. Para las "
                "próximas renovaciones proponemos empezar la evaluación dos años antes.",
            ),
        ),
        reactions=(("rafael", THANKS), ("mateo", LIKE)),
    ),
    PostSpec(
        "land",
        "ana",
        "Position paper outline: secure tenure as a precondition for multi-stakeholder processes",
        PUB,
        14,
        """
        The working group is writing a short position paper for the alliance. This is the
        outline; comments from anyone are welcome until the end of the month.

        1. **The claim.** Multi-stakeholder processes on forests, water and land fail when some
           of the people at the table can lose their land by saying the wrong thing. Secure
           tenure is not an outcome of dialogue; it is one of its preconditions.
        2. **Evidence from the initiatives.** Pará (overlapping registrations), Petén
           (concession renewals), Limpopo (restitution), Ifugao (ancestral domain), Bono East
           (tree tenure).
        3. **What changes in practice.** A tenure risk assessment before a process starts; legal
           support for community participants; no disclosure without protection.
        4. **What we ask of governments, companies and funders.**

        Is anything missing? Is point 1 too strong?
        """,
        comments=(
            C(
                "carlos",
                9,
                "From a municipal government: point 1 is not too strong, but it will be read as an "
                "attack unless point 4 also says what a government can realistically do in a "
                "four-year term.",
                (
                    C(
                        "ana",
                        13,
                        "Good point. I will add a short list of what a municipality can do without new "
                        "laws.",
                    ),
                ),
            ),
            C(
                "ingrid",
                24,
                "Please add that the state needs secure mandates too. Our field staff are on "
                "one-year contracts; that is a kind of insecurity as well.",
            ),
            C(
                "femke",
                40,
                "Worth drawing on the literature on emancipatory learning: the point is not only "
                "protection, but that people can challenge the terms of the process itself.",
            ),
        ),
        reactions=(("raimunda", LIKE), ("eva", INSIGHT), ("priya", LIKE)),
    ),
    PostSpec(
        "land",
        "benjie",
        "Ancestral domain plans and the question of consent",
        SPC,
        6,
        """
        In Ifugao our ancestral domain plan took four years. Now a hydropower company wants to
        build on a river inside the domain, and the question is how free, prior and informed
        consent should work.

        The company proposes consultations run by a consultancy it pays. The elders want a
        process run by the council of elders, in our language, at our pace. The national
        commission says the two can be combined.

        What I want to learn from this group:

        - Who should facilitate when the company pays the bill?
        - How do the young people and the women become part of the "consent", not only the
          elders?
        - Has anyone seen a consent process that included the right to say no, and kept it?
        """,
        comments=(
            C(
                "marites",
                7,
                "I have facilitated two of these. A neutral facilitator paid from a pooled fund, "
                "with the company contributing but not choosing, worked better than either side's "
                "facilitator. I can share the terms of reference.",
                (
                    C(
                        "benjie",
                        11,
                        "Please do. A pooled fund could also answer some of the elders' worries.",
                    ),
                ),
            ),
            C(
                "raimunda",
                25,
                "Na nossa comunidade a consulta prévia só funcionou quando fizemos o nosso próprio "
                "protocolo de consulta antes de a empresa chegar. Nós dissemos como queríamos ser "
                "consultados.",
                (
                    C(
                        "benjie",
                        30,
                        "Raimunda, a consultation protocol written by the community first: that is "
                        "what we need. Obrigado!",
                    ),
                ),
            ),
        ),
        reactions=(("sipho", LIKE), ("meena", THANKS)),
    ),
    # --- Steering group (secret) -----------------------------------------------------------
    PostSpec(
        "steering",
        "amara",
        "Agenda: steering group call on the learning agenda",
        SPC,
        30,
        """
        Proposed agenda for Thursday's call, 14:00 UTC (16:00 Johannesburg, 19:30 Pune, 11:00
        Belém).

        1. News from each partner, two minutes each please.
        2. The learning agenda: are the three learning objectives still right after a year of
           action inquiry? Esi has pulled out the themes that come up most in the learning notes.
        3. Regional workshops: West Africa in Tamale or Kumasi? East Africa jointly with the
           Upper Tana initiative?
        4. The platform: who may invite outside guests to spaces, and for how long.
        5. Any other business.

        Please add items as comments by Tuesday.
        """,
        comments=(
            C(
                "eva",
                6,
                "Could we add ten minutes on reporting to the foundation? I would like to propose "
                "that learning notes count as reporting, so partners do not write everything "
                "twice.",
            ),
            C(
                "priya",
                20,
                "For item 2: the research collaboration has draft findings on inclusion. I can "
                "present them in five minutes.",
                (
                    C(
                        "amara",
                        24,
                        "Added both, thank you. Priya, please send slides by Wednesday so Esi can share "
                        "them with those on a weak connection.",
                    ),
                ),
            ),
            C(
                "kwame",
                30,
                "Kumasi for the West Africa workshop, please: easier for the forest communities to "
                "reach, and cheaper.",
            ),
        ),
        reactions=(("esi", LIKE), ("thandi", LIKE)),
    ),
    PostSpec(
        "steering",
        "esi",
        "Quarterly synthesis: working notes",
        PRV,
        3,
        """
        Working notes for the quarterly synthesis, for Amara and me. Not ready for the steering
        group.

        **Themes across this quarter's learning notes**

        - *Disclosure and safety.* Ghana (boundary walk), Pará (mapping), Ifugao (consent):
          people say the important things only where it is safe. Several initiatives now hold
          separate sessions by group.
        - *Shared data as neutral ground.* Upper Tana kiosk books and gauges; Petén fire records.
        - *Radio as the widest channel.* Bono, Murang'a, Petén.

        **Gaps:** little from business participants apart from Samuel's post; nothing from India
        in the learning notes yet, although the research collaboration has a lot.

        **Question:** may the synthesis quote community members by name, or only by initiative?
        """,
        coauthors=("amara",),
        comments=(
            C(
                "amara",
                8,
                "Good start. On the question: by initiative only, unless the person agreed in "
                "writing. Add a line on the guest policy debate too.",
                (
                    C(
                        "esi",
                        12,
                        "Done. I will ask Arjun for something from the Maharashtra watershed work so "
                        "that India is in.",
                    ),
                ),
            ),
        ),
        reactions=(("amara", THANKS),),
    ),
    PostSpec(
        "steering",
        "eva",
        "The foundation's learning budget for next year: three options",
        SPC,
        10,
        """
        The Lindenhof board meets in six weeks, and I would like to bring a proposal the steering
        group supports. Three options at roughly the same cost:

        **A. More regional workshops.** Two a year instead of one, with travel support for
        community participants.

        **B. Coaching.** Facilitators from the training programme coach the initiatives between
        workshops, online and in person.

        **C. Reach beyond the internet.** SMS reporting, radio partnerships and printed learning
        briefs for communities without internet.

        My own view: B and C together at a smaller scale beat A. But you know the initiatives
        better.
        """,
        comments=(
            C(
                "thandi",
                9,
                "B, because coaching is where learning notes turn into changed practice. But only "
                "if a coach can stay with an initiative for at least a year.",
            ),
            C(
                "kwame",
                20,
                "C. Half of the people in our forum will never log in to anything. Radio and SMS "
                "are how they take part.",
                (
                    C(
                        "eva",
                        25,
                        "Kwame, could you and Kofi write half a page on what the radio programme costs "
                        "and what it achieves? It would help a lot with the board.",
                    ),
                    C("kwame", 29, "Yes, by the end of next week."),
                ),
            ),
            C(
                "noor",
                45,
                "Whichever option: please budget for translation. Our French, Spanish and "
                "Portuguese speakers write in English as a favour to the rest of us.",
            ),
        ),
        reactions=(("rafael", INSIGHT), ("amara", THANKS)),
    ),
    # --- Action inquiry practice circle ----------------------------------------------------
    PostSpec(
        "circle",
        "thandi",
        "Welcome: what this circle means by action inquiry",
        PUB,
        47,
        """
        This circle is for anyone in the alliance who documents, facilitates or studies change
        initiatives and wants to get better at **action inquiry**: learning from your own
        practice while you are doing it.

        Some working definitions, to be argued with:

        - **First-person inquiry:** noticing your own assumptions and reactions as a facilitator.
        - **Second-person inquiry:** learning together with the people you work with.
        - **Third-person inquiry:** connecting many initiatives so that patterns become visible.

        Each initiative moves through cycles of *plan, act, observe, reflect*. In complex
        situations the plan is a hypothesis, not a blueprint: what matters is noticing what
        actually happened and changing course.

        How the circle works: a monthly online session (recorded for those who cannot join),
        questions and drafts posted here, and one learning note per member per quarter. Posts
        here are public unless marked otherwise.
        """,
        comments=(
            C(
                "lucia",
                10,
                "Greetings from Petén! A question to start with: how do you do first-person "
                "inquiry when you are also the one paid to make the project succeed?",
                (
                    C(
                        "thandi",
                        16,
                        "That tension is exactly the material. Write down when you notice yourself "
                        "wanting a result more than wanting to understand. It will be the topic of a "
                        "session.",
                    ),
                ),
            ),
            C(
                "marites",
                22,
                "I keep a three-line journal after every meeting I facilitate: what I expected, "
                "what happened, what I did. It is the most useful tool I have.",
            ),
            C(
                "akosua",
                48,
                "For our community facilitators a voice note in Twi works better than a journal. "
                "Can voice notes count as learning notes?",
                (
                    C(
                        "lindiwe",
                        52,
                        "Yes! Any form that can be shared. Transcribing and translating will be on the "
                        "agenda of the next session.",
                    ),
                ),
            ),
        ),
        reactions=(
            ("amara", LIKE),
            ("lucia", LIKE),
            ("yaw", INSIGHT),
            ("wanjiru", LIKE),
            ("femke", INSIGHT),
        ),
    ),
    PostSpec(
        "circle",
        "marites",
        "Facilitating when the mayor is in the room",
        PUB,
        25,
        """
        Last week I facilitated a land-use planning workshop where the mayor arrived unannounced
        and sat in the front row. Within ten minutes the farmers' representatives stopped
        speaking and the barangay officials started making speeches.

        What I tried:

        1. Thanked the mayor, asked him to open the session, and then to listen for the first
           hour, "because you will decide later and need to hear everything first". He agreed,
           to my surprise.
        2. Moved to small groups by village, each with a note-taker from the village, not from
           the municipality.
        3. Reported back anonymously: each group's points on cards, read out by me.

        It partly worked. The mayor stayed and listened. But one group had the barangay captain
        in it and said almost nothing.

        How do you handle power in the room without insulting the powerful person?
        """,
        comments=(
            C(
                "kwame",
                8,
                "In Ghana the chief's linguist speaks for the chief, which puts a little distance "
                "between the chief and the discussion. Maybe there is a role like that for a "
                "mayor: an observer, a witness.",
                (
                    C(
                        "marites",
                        12,
                        "A witness! That is a role a mayor would accept with pride. I will try it.",
                    ),
                ),
            ),
            C(
                "wanjiru",
                20,
                "We let the powerful people speak last, with the rule that they first respond to "
                "what they heard before adding anything new.",
            ),
            C(
                "comfort",
                30,
                "As someone often in the 'powerful' seat: tell us in advance. I would rather come "
                "as a listener than be surprised by silence.",
            ),
        ),
        reactions=(("thandi", INSIGHT), ("kwame", LIKE), ("carlos", INSIGHT)),
    ),
    PostSpec(
        "circle",
        "lindiwe",
        "A template for learning notes that people actually fill in",
        ALL,
        16,
        """
        After reading 60 learning notes from eight initiatives, here is a proposal for a shorter
        template. The long one had 14 questions; most people answered three.

        1. **What did we try?** One or two sentences.
        2. **What happened?** Including what surprised you.
        3. **What do we think it means?** Mark clearly what is interpretation.
        4. **What will we do differently?**
        5. **Who else should know?** Another initiative, a theme, a person.

        Plus: the date, the cycle, who was involved, and who may see it (space, alliance,
        public).

        Would you use it? What is missing for your initiative?
        """,
        comments=(
            C(
                "yaw",
                11,
                "I would use it. Please keep question 3 separate: our notes were full of "
                "interpretation presented as fact, and the template helped me see it.",
                (C("lindiwe", 14, "That is exactly why it is separate. Thank you."),),
            ),
            C(
                "noor",
                26,
                "I can turn this into a form on the platform and into an SMS version with three "
                "questions. Which three?",
            ),
            C(
                "esi",
                36,
                "For the synthesis, question 5 is gold: it tells me which initiatives to connect.",
            ),
        ),
        reactions=(("thandi", THANKS), ("yaw", LIKE)),
    ),
    PostSpec(
        "circle",
        "lucia",
        "Voice-note diaries: community monitors in Petén",
        PUB,
        8,
        """
        For a year now our forest guards and women's groups have sent voice notes instead of
        written reports. Each monitor records two minutes a week on WhatsApp: what they saw, what
        worried them, what went well.

        What we learned:

        - Four times as many reports as when they were written, and from people who do not write.
        - People talk about things the form never asked: a new road, a family that moved in,
          prices.
        - Listening takes time. Two of us listen to all the notes every Monday and write a
          one-page summary.
        - Translating from Q'eqchi' needs someone from the community; outside translators miss
          the meaning.

        For the Ghana forum (Akosua asked about voice notes): happy to share our instructions and
        the summary template.
        """,
        comments=(
            C(
                "mateo",
                6,
                "Yo mando mis notas de voz los domingos después del patrullaje. Es más fácil que "
                "escribir, y la coordinadora siempre responde.",
            ),
            C(
                "akosua",
                15,
                "Thank you, Lucía! Yes please, send the instructions. I would like to try it with "
                "the women's groups in two communities.",
                (
                    C(
                        "lucia",
                        18,
                        "I will send them this week. It would be good to talk with the whole forum "
                        "about it too; I will ask Kwame whether I can join the space.",
                    ),
                ),
            ),
            C(
                "arjun",
                30,
                "How do you store the voice notes? In our watershed project consent for "
                "recordings was the difficult part.",
            ),
        ),
        reactions=(("kofi", INSIGHT), ("thandi", LIKE), ("kwame", LIKE)),
    ),
    # --- Leaders' dialogue on enabling conditions ------------------------------------------
    PostSpec(
        "leaders",
        "amara",
        "Session 1 summary: what keeps a ministry at the table?",
        SPC,
        21,
        """
        Summary of the first session, under the Chatham House rule: nothing is attributed outside
        this space.

        **The question:** why do government agencies join multi-stakeholder processes with
        enthusiasm and then slowly stop coming?

        What participants said:

        - Officials are rewarded for delivering their own programmes, not for shared results.
          Time spent in a forum is time not spent on targets.
        - Mandates change with elections; a process tied to one minister ends with that
          minister's term.
        - Companies leave for similar reasons: a new manager with new priorities.
        - What keeps people at the table: a forum that solves a problem they have, quickly and
          visibly.

        **For session 2:** what would a mandate to take part look like, for an official and for a
        company manager?
        """,
        comments=(
            C(
                "carlos",
                9,
                "The point about targets is right. In the municipality nobody asks me how many "
                "forum meetings I attended; they ask how many registrations were validated.",
            ),
            C(
                "pieter",
                20,
                "From the private side: our board approves time for partnerships when there is a "
                "clear link to risk. Samuel's post on night-time abstraction is a good example. If "
                "the dialogue collected such cases, I could take them to other companies.",
                (
                    C(
                        "amara",
                        24,
                        "Welcome, Pieter, and thank you. A collection of cases for business leaders is "
                        "a concrete idea; it goes on the agenda for session 2.",
                    ),
                    C(
                        "comfort",
                        30,
                        "Government needs the same collection, written for directors.",
                    ),
                ),
            ),
            C(
                "nana",
                38,
                "Add one more: the people who come to the forum are rarely the ones who sign the "
                "budgets.",
            ),
        ),
        reactions=(("pieter", THANKS), ("eva", LIKE)),
    ),
    PostSpec(
        "leaders",
        "thandi",
        "Complexity thinking for policymakers: three provocations",
        ALL,
        11,
        """
        Prepared for the leaders' dialogue and shared with the whole alliance, because the
        practice circle asked for it.

        1. **Stop asking for the plan; ask for the probes.** In complex situations nobody can
           know in advance what will work. Fund several small, safe-to-fail experiments and
           watch which ones grow.
        2. **Measure relationships, not only results.** Whether the forest officer and the
           farmer now call each other is a leading indicator; hectares restored is a lagging one.
        3. **Leaders create conditions, not outcomes.** The most useful thing a minister or a
           chief executive can do is protect the space in which others learn: time, a mandate,
           and permission to fail.

        Pushback welcome, especially from people in government and business.
        """,
        comments=(
            C(
                "suresh",
                10,
                "Provocation 1 is hard in government: every rupee needs a sanctioned output. But "
                "the employment-guarantee scheme does allow small works chosen by the village. "
                "Perhaps that is a place for probes.",
                (
                    C(
                        "thandi",
                        14,
                        "A probe already allowed by the rules: a great example. Could you write up one "
                        "village's story?",
                    ),
                ),
            ),
            C(
                "pieter",
                22,
                "Number 2 works in business too. We track client relationships informally all the "
                "time; nobody calls it complexity.",
                (
                    C(
                        "thandi",
                        27,
                        "Exactly. Much of this is what good practitioners already do without the "
                        "vocabulary.",
                    ),
                ),
            ),
            C(
                "ingrid",
                40,
                "Permission to fail is the hardest. In the public sector a failure ends up in an "
                "audit report.",
            ),
        ),
        reactions=(("pieter", INSIGHT), ("samuel", LIKE), ("priya", INSIGHT)),
    ),
    # --- Power, voice and inclusion (research) ---------------------------------------------
    PostSpec(
        "research",
        "priya",
        "Research protocol v2: who gets to define 'inclusion'?",
        SPC,
        33,
        """
        Version 2 of the protocol, after the comments from the last call. The main change:
        inclusion is no longer defined only by the researchers.

        **Question.** In multi-stakeholder processes, whose voices shape decisions, and what
        helps marginalised participants to be heard?

        **Sites.** Watershed committees in Maharashtra, the Ghana forest forum (with Yaw), the
        Upper Tana users' associations, and the Pará mapping process (with Ana).

        **Methods.**

        - Meeting observation: who speaks, for how long, who gets an answer, whose points reach
          the minutes.
        - Co-researchers at each site who decide with us what "being heard" means locally. Meena
          leads this for Maharashtra.
        - Follow-up: which decisions changed, and for whom.

        **Ethics.** Consent in the local language; recordings stay at the site; no names in
        publications.
        """,
        comments=(
            C(
                "femke",
                12,
                "Much stronger. One addition: ask the co-researchers to observe the researchers "
                "too. We shape who speaks as much as anyone.",
            ),
            C(
                "meena",
                26,
                "हमारी बैठकों में महिलाएं बोलती हैं, लेकिन उनकी बात रजिस्टर में नहीं लिखी जाती। "
                "इसलिए हम अपना रजिस्टर रखेंगे।\n\n"
                "*Arjun's translation:* In our meetings the women do speak, but what they say is "
                "not written in the register. So we will keep our own register.",
                (
                    C(
                        "priya",
                        30,
                        "Meena-ji, your own register could become the study's main method. Let us "
                        "discuss it on the next call.",
                    ),
                ),
            ),
            C(
                "arjun",
                40,
                "I will prepare the observation sheet in Marathi and Hindi before the next field "
                "visit.",
            ),
        ),
        reactions=(("thandi", LIKE), ("ana", INSIGHT)),
    ),
    PostSpec(
        "research",
        "arjun",
        "Early findings: whose voices reach the watershed committee minutes?",
        PUB,
        13,
        """
        First results from observing 18 watershed committee meetings in six villages in
        Maharashtra.

        - Women made 31% of the contributions in the meetings but only 9% of the points recorded
          in the minutes.
        - Points made by landless labourers were recorded only when a landowner repeated them.
        - In the two villages where the women's self-help group kept its own record of meetings,
          the committee's next decisions included more of the women's priorities (drinking water
          before irrigation).

        These are early numbers from a small sample: read them as a pattern to look for, not a
        finding to quote. Do other initiatives see the same gap between what is said and what
        is recorded?
        """,
        comments=(
            C(
                "yaw",
                9,
                "I have not measured it, but I am fairly sure the Ghana forum minutes have the same "
                "gap. I will compare my field notes with the minutes of the last three meetings.",
            ),
            C(
                "lindiwe",
                18,
                "The self-help group register is a lovely example of a counter-record. Do the "
                "committees read the women's record, or does it stay parallel?",
                (
                    C(
                        "arjun",
                        22,
                        "In one village the committee now reads it aloud at the start of each meeting. "
                        "In the other it is still parallel.",
                    ),
                ),
            ),
            C(
                "suresh",
                34,
                "As block officer I read only the committee minutes. I did not know the self-help "
                "groups keep their own. I will ask to see both.",
            ),
        ),
        reactions=(("priya", LIKE), ("meena", THANKS), ("wanjiru", INSIGHT)),
    ),
    PostSpec(
        "research",
        "femke",
        "Reading notes: social learning and emancipatory learning",
        PRV,
        2,
        """
        Private notes for the literature section.

        - *Social learning:* learning through difference. Heterogeneous groups learn from their
          different perspectives, which a community of like-minded practitioners cannot offer.
        - *Emancipatory learning*, as opposed to instrumental learning: learning that challenges
          exclusion and economic and political inequality.
        - An old question about learning alliances: *how can local practices become global
          without becoming prescriptive?* Good practice is honest about what is happening, and
          honesty comes easier among like-minded people. A tension for any alliance.

        To check: how this fits Priya's framing of "being heard".
        """,
    ),
    # --- Facilitating multi-stakeholder change: cohort 3 -----------------------------------
    PostSpec(
        "programme",
        "marius",
        "Cohort 3 starts: how the programme runs",
        PUB,
        50,
        """
        Welcome to cohort 3 of *Facilitating multi-stakeholder change*: twenty-two participants
        from seven countries, working on forests, water, land, food and local government.

        **Six modules over six months**

        1. Understanding multi-stakeholder processes: when they help and when they do not.
        2. Mapping stakeholders, interests and power.
        3. Designing a process: phases, roles, ground rules.
        4. Facilitation in practice: difficult conversations, power in the room.
        5. Complexity and adaptive management.
        6. Learning and documenting: action inquiry and learning notes.

        Each module has a reading, a short video, an assignment on your own initiative and a
        coaching call with your coaching pair. The videos also come as audio for weak
        connections, and readings can be sent as PDF by email.
        """,
        comments=(
            C(
                "grace",
                12,
                "Thank you for the audio versions. I will listen in the matatu to Thika.",
                (
                    C(
                        "marius",
                        15,
                        "That is exactly what they are for. Tell us if any file is too big for your "
                        "phone.",
                    ),
                ),
            ),
            C(
                "benjie",
                24,
                "Will the coaching calls work on a phone line? Video does not work in our village.",
                (
                    C(
                        "marites",
                        28,
                        "Yes, Benjie: we are a coaching pair, and I will call you on an ordinary phone "
                        "line.",
                    ),
                ),
            ),
            C(
                "daniel",
                40,
                "Glad to join from a company. I hope the programme also covers what business "
                "participants struggle with.",
            ),
        ),
        reactions=(("marites", LIKE), ("hanneke", LIKE)),
    ),
    PostSpec(
        "programme",
        "marites",
        "Module 2 assignment: map the stakeholders of your initiative",
        SPC,
        19,
        """
        Assignment for module 2, due in three weeks.

        1. List every group that affects or is affected by your initiative, including those who
           are not at the table.
        2. For each, note their interest, their influence, and how they usually communicate
           (meetings, radio, WhatsApp, SMS, none of these).
        3. Draw the map: influence from low to high, interest from low to high. A photo of a
           drawing by hand is fine.
        4. Write three sentences: who is missing from your process, why, and what you could do
           about it.

        Post your map as a new post in this space so that others can comment. Your coaching pair
        gives feedback first.
        """,
        comments=(
            C(
                "akosua",
                20,
                "A question: do we put the forest itself on the map? The elders in our communities "
                "speak of the forest as a party to the agreement.",
                (
                    C(
                        "marites",
                        24,
                        "A beautiful question. Yes, if it helps you think. Many maps include future "
                        "generations too.",
                    ),
                ),
            ),
            C(
                "mateo",
                34,
                "¿Se puede entregar en español?",
                (
                    C(
                        "marites",
                        36,
                        "¡Claro que sí! I read Spanish, and so does your coaching pair.",
                    ),
                ),
            ),
            C(
                "otieno",
                50,
                "I drew mine and realised the tea factory is missing from our whole process. That "
                "alone was worth the assignment.",
            ),
        ),
        reactions=(("marius", THANKS), ("ingrid", LIKE)),
    ),
    PostSpec(
        "programme",
        "daniel",
        "My stakeholder map: feedback welcome",
        SPC,
        4,
        """
        My map for GreenLeaf's sourcing area in Bono East. A photo of the drawing follows when I
        have a better connection.

        **High influence, high interest:** the company, the licensed buying companies, the
        regional forest office, the chiefs.

        **High interest, low influence:** cocoa farmers, especially tenant farmers; the women
        who collect fuelwood and shea; farm labourers.

        **High influence, low interest:** the district assembly, the cocoa regulator's district
        office.

        **Missing from the process:** tenant farmers and labourers. They own no land, so nobody
        invites them. I could ask the farmers' association to bring two tenant farmers to the
        next forum meeting.
        """,
        comments=(
            C(
                "marites",
                8,
                "Clear and honest. One challenge: where are you on the map? A buyer who visits "
                "every week has more influence than you think.",
                (
                    C(
                        "daniel",
                        12,
                        "True. Farmers tell me things they would never tell the company. I will put "
                        "myself in the middle.",
                    ),
                ),
            ),
            C(
                "suresh",
                30,
                "Work on the 'high influence, low interest' group. In my experience they become "
                "interested when the forum makes their own work easier.",
            ),
        ),
        reactions=(("marius", INSIGHT), ("akosua", LIKE)),
    ),
)


def _text(body: str) -> str:
    return textwrap.dedent(body).strip()


def _backdate(model: type[Any], pk: int, when: datetime, *fields: str) -> None:
    model.objects.filter(pk=pk).update(**{field: when for field in fields})


def _say(stdout: Writer | None, message: str) -> None:
    if stdout is not None:
        stdout.write(f"{message}\n")


def load_demo(*, stdout: Writer | None = None) -> dict[str, int]:
    """Load the demo alliance in one transaction and return what was created, by kind.

    Meant for an empty database; the ``demo`` command checks that before calling."""
    with transaction.atomic():
        now = timezone.now().replace(second=0, microsecond=0)
        _say(stdout, "Organisations and people…")
        people = _load_people(_load_organisations(), now)
        _say(stdout, "Spaces and members…")
        spaces = _load_spaces(people, now)
        _say(stdout, "Posts, comments and reactions…")
        _load_posts(people, spaces, now)
        _say(stdout, "Join requests and an invitation…")
        _load_requests(people, spaces, now)
    return {
        "organisations": Organisation.objects.count(),
        "people": User.objects.count(),
        "spaces": Space.objects.count(),
        "memberships": Membership.objects.count(),
        "posts": Post.objects.count(),
        "comments": Comment.objects.count(),
        "reactions": Reaction.objects.count(),
        "join_requests": JoinRequest.objects.filter(status=JoinRequest.Status.PENDING).count(),
        "invitations": Invitation.objects.filter(used__isnull=True).count(),
    }


def _load_organisations() -> dict[str, Organisation]:
    return {
        org.key: Organisation.objects.create(
            name=org.name,
            sector=org.sector,
            country=org.country,
            relationship=org.relationship,
            description=org.description,
        )
        for org in ORGANISATIONS
    }


def _load_people(orgs: dict[str, Organisation], now: datetime) -> dict[str, User]:
    from allauth.account.models import EmailAddress

    # One hash for everybody: hashing forty passwords with Argon2 takes seconds.
    password = make_password(DEMO_PASSWORD)
    people: dict[str, User] = {}
    for n, person in enumerate(PEOPLE):
        user = User(
            email=person.email,
            password=password,
            display_name=person.name,
            role=person.role,
            organisation=orgs[person.org] if person.org else None,
            sector=person.sector,
            country=person.country,
            languages=list(person.languages),
            time_zone=person.time_zone,
            bio=person.bio,
            channels=list(person.channels),
            date_joined=now - timedelta(days=120 - n),
        )
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        people[person.key] = user
    return people


def _load_spaces(people: dict[str, User], now: datetime) -> dict[str, Space]:
    spaces: dict[str, Space] = {}
    for spec in SPACES:
        created = now - timedelta(days=spec.days_ago)
        space = services.space_create(
            creator=people[spec.lead],
            name=spec.name,
            kind=spec.kind,
            description=_text(spec.description),
            listing=spec.listing,
            join_policy=spec.join_policy,
            invite_code=spec.invite_code,
        )
        _backdate(Space, space.pk, created, "created")
        Membership.objects.filter(space=space).update(joined=created)
        for n, (key, role) in enumerate(spec.members):
            membership = Membership.objects.create(space=space, user=people[key], role=role)
            forget_memberships(people[key])
            joined = created + timedelta(days=1 + n % 7, hours=3 * n)
            _backdate(Membership, membership.pk, joined, "joined")
        spaces[spec.key] = space

    # The guest arrives the way outside guests do: by an emailed invitation, accepted.
    space, guest = spaces[GUEST_INVITATION["space"]], people[GUEST_INVITATION["guest"]]
    invitation = services.invitation_create(
        actor=people[GUEST_INVITATION["by"]],
        space=space,
        email=guest.email,
        as_guest=True,
        message=GUEST_INVITATION["message"],
    )
    membership = services.invitation_accept(invitation=invitation, user=guest)
    invited = space.created + timedelta(days=2)
    Invitation.objects.filter(pk=invitation.pk).update(
        created=invited,
        sent=invited,
        used=invited + timedelta(hours=20),
        expires=invited + Invitation.DEFAULT_LIFETIME,
    )
    _backdate(Membership, membership.pk, invited + timedelta(hours=20), "joined")
    return spaces


def _load_posts(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> None:
    latest = now - timedelta(minutes=10)
    for n, spec in enumerate(POSTS):
        # Spread posting over the working day, in a fixed pattern.
        posted = now - timedelta(days=spec.days_ago, hours=(n * 5) % 9)
        post = services.post_create(
            author=people[spec.author],
            space=spaces[spec.space],
            title=spec.title,
            body=_text(spec.body),
            visibility=spec.visibility,
            language=spec.language,
        )
        _backdate(Content, post.pk, posted, "created", "updated")
        if spec.coauthors:
            post.coauthors.add(*(people[key] for key in spec.coauthors))
        for top in spec.comments:
            when = min(posted + timedelta(hours=top.hours), latest)
            comment = _comment(people, post, top, None, when)
            for reply in top.replies:
                when = min(posted + timedelta(hours=reply.hours), latest)
                _comment(people, post, reply, comment, when)
        for key, kind in spec.reactions:
            reaction_toggle(user=people[key], content=post, type=kind)


def _comment(
    people: dict[str, User], post: Post, spec: C, parent: Comment | None, when: datetime
) -> Comment:
    comment = comment_create(
        author=people[spec.author], content=post, body=spec.body, parent=parent
    )
    _backdate(Comment, comment.pk, when, "created", "updated")
    return comment


def _load_requests(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> None:
    for space_key, person_key, message, days_ago in JOIN_REQUESTS:
        request = services.join_request_create(
            user=people[person_key], space=spaces[space_key], message=message
        )
        _backdate(JoinRequest, request.pk, now - timedelta(days=days_ago, hours=2), "created")
    invitation = services.invitation_create(
        actor=people[OPEN_INVITATION["by"]],
        space=spaces[OPEN_INVITATION["space"]],
        email=OPEN_INVITATION["email"],
        message=OPEN_INVITATION["message"],
    )
    invited = now - timedelta(days=2)
    Invitation.objects.filter(pk=invitation.pk).update(
        created=invited, expires=invited + Invitation.DEFAULT_LIFETIME
    )
