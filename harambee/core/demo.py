"""A realistic demo alliance, loaded by ``harambee demo`` into an empty database.

Thirteen organisations from every sector, forty people on four continents, thirteen
spaces of every kind, join policy and listing, and a few weeks of conversation at every
visibility level. Seven initiatives on three continents document their action inquiry:
profiles and stakeholders, inquiry cycles with dated phase notes, learning notes with
their revisions, lessons, evidence (generated photos and PDFs) and one restricted note
published as a reviewed shareable version. Everything is fixed data: loading it twice into two fresh databases
gives the same alliance, with dates counted back from the moment of loading.

All writes that have a service go through it, so rendered HTML, audit rows and
notification mail come out as they would in real use.
"""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol

from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from harambee.core.demo_stories import load_stories
from harambee.core.models import Attachment, Comment, Content, Reaction, Visibility
from harambee.core.services import attachment_add, comment_create, reaction_toggle
from harambee.core.visibility import forget_memberships
from harambee.initiatives import services as inquiry
from harambee.initiatives.models import (
    Adaptation,
    Initiative,
    InquiryCycle,
    LearningNote,
    Lesson,
    NoteRevision,
    PhaseNote,
    Theme,
)
from harambee.library.demo import load_library
from harambee.library.models import Collection, Resource
from harambee.moderation.demo import load_moderation
from harambee.notifications.demo import load_notifications
from harambee.people.models import Organisation, Sector, User
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.spaces import services
from harambee.spaces.demo_threads import load_threads
from harambee.spaces.models import Invitation, JoinRequest, Membership, Post, Space
from harambee.stories.models import Story, StoryCall
from harambee.stream.demo import load_stream
from harambee.stream.models import StreamPost
from harambee.synthesis.demo import load_synthesis
from harambee.wiki.demo import load_wiki
from harambee.wiki.models import WikiPage

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
    SpaceSpec(
        "peten",
        "Petén community forest concessions: fire and monitoring",
        T.INITIATIVE,
        L.PUBLIC,
        JP.OPEN,
        "mateo",
        76,
        """
        Forest guards, fire brigades and women's groups of the community concessions in the
        Maya Biosphere Reserve, with the protected areas administration, learning how community
        monitoring can keep the forest standing and the concessions renewed.

        Most of what we write is in Spanish with a summary in English. Everyone is welcome.
        """,
        _members({FAC: ("ingrid",), MEM: ("femke",), OBS: ("hanneke",)}),
    ),
    SpaceSpec(
        "para",
        "Quilombola territory and the land register in Pará",
        T.INITIATIVE,
        L.MEMBERS,
        JP.REQUEST,
        "rafael",
        74,
        """
        A quilombola community association, Instituto Terra Comum's lawyers and the municipal
        environment office working through the private registrations that overlap the
        community's territory, starting from the community's own map.

        Some of what is discussed here can put people at risk: ask to join, and tell us why.
        """,
        _members({FAC: ("ana",), MEM: ("raimunda", "carlos"), OBS: ("eva",)}),
    ),
    SpaceSpec(
        "maha",
        "Women's voices in Ahmednagar watershed committees",
        T.INITIATIVE,
        L.PUBLIC,
        JP.OPEN,
        "arjun",
        72,
        """
        Women's self-help groups, six village watershed committees and the block office making
        sure that what women say in meetings reaches the minutes, and the decisions. An action
        inquiry site of the research collaboration on power, voice and inclusion.
        """,
        _members({FAC: ("meena",), MEM: ("suresh", "priya")}),
    ),
    SpaceSpec(
        "limpopo",
        "Letsitele valley land restitution dialogue",
        T.INITIATIVE,
        L.MEMBERS,
        JP.INVITATION,
        "sipho",
        78,
        """
        The restitution committee, the citrus estate, farm workers' representatives and the
        provincial government negotiated land, water rights and jobs together. The settlement
        is signed and the dialogue has closed; this space keeps its record and its evaluation.
        """,
        _members({FAC: ("marius",), MEM: ("thandi",)}),
    ),
    SpaceSpec(
        "ifugao",
        "Ifugao ancestral domain consent protocol",
        T.INITIATIVE,
        L.PUBLIC,
        JP.OPEN,
        "benjie",
        30,
        """
        Elders, women and young people of an ancestral domain in Ifugao writing their own
        protocol for free, prior and informed consent, before a hydropower company's
        consultations begin. New, and learning from anyone who has done this before.
        """,
        _members({FAC: ("marites",)}),
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


# --- Initiatives and their action inquiry ---------------------------------------------------


@dataclass(frozen=True)
class InitiativeSpec:
    space: str
    summary: str
    countries: tuple[str, ...]
    place: str
    latitude: str
    longitude: str
    issue_areas: str
    themes: tuple[str, ...]  # theme slugs, from the seeded vocabulary
    stage: str
    started_days_ago: int
    links: tuple[str, ...]
    stakeholders: tuple[tuple[str, str], ...]  # (organisation key, role)
    ended_days_ago: int | None = None


@dataclass(frozen=True)
class PhaseSpec:
    phase: str
    days_ago: int
    author: str
    body: str


@dataclass(frozen=True)
class CycleSpec:
    key: str
    space: str
    author: str
    question: str
    visibility: str
    status: str
    days_ago: int  # when the cycle was written up on the platform
    body: str
    phases: tuple[PhaseSpec, ...]
    started_days_ago: int | None = None
    ended_days_ago: int | None = None
    coauthors: tuple[str, ...] = ()
    comments: tuple[C, ...] = ()


@dataclass(frozen=True)
class LessonSpec:
    author: str
    title: str
    body: str
    strength: str
    visibility: str
    hours: int  # after its note
    themes: tuple[str, ...] = ()  # empty: the note's themes
    comments: tuple[C, ...] = ()


@dataclass(frozen=True)
class EditSpec:
    """A second version of a note, by a co-author: paragraphs added to sections."""

    by: str
    days_later: int
    summary: str
    additions: tuple[tuple[str, str], ...]  # (section, paragraph)


@dataclass(frozen=True)
class NoteSpec:
    key: str
    space: str
    author: str
    title: str
    visibility: str
    days_ago: int
    themes: tuple[str, ...]
    context: str
    tried: str
    happened: str
    learned: str
    evidence: str
    methods: str
    questions: str
    cycle: str = ""
    coauthors: tuple[str, ...] = ()
    edit: EditSpec | None = None
    lessons: tuple[LessonSpec, ...] = ()
    comments: tuple[C, ...] = ()
    reactions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class EvidenceSpec:
    """A photo, a PDF or a link attached to a note by one of its authors."""

    note: str
    by: str
    caption: str
    hours: int  # after the note
    name: str = ""
    photo: str = ""  # a PALETTES key
    gps: tuple[float, float] | None = None  # written into the photo's EXIF, as a phone does
    keep_location: bool = False
    pdf: tuple[str, ...] = ()  # title, then lines of a one-page PDF
    url: str = ""


@dataclass(frozen=True)
class AdaptationSpec:
    """A shareable version of a restricted note: reworded, reviewed, published."""

    note: str
    by: str
    reviewer: str
    target: str
    days_ago: int
    summary: str
    changes: tuple[tuple[str, str], ...]  # (section, new text)
    comment: str


STAGE = Initiative.Stage
OBJ_MSP, OBJ_COMPLEXITY, OBJ_LEADERSHIP = (
    "multi-stakeholder-processes",
    "complexity-thinking",
    "leadership-enabling-conditions",
)
FORESTS, WATER, LAND, FOOD, CLIMATE = (
    "forests-land-use",
    "water-sanitation",
    "land-rights",
    "food-agriculture",
    "climate-adaptation",
)
MARKETS, GOVERNANCE, GENDER = "livelihoods-markets", "governance-accountability", "gender-inclusion"

INITIATIVES: tuple[InitiativeSpec, ...] = (
    InitiativeSpec(
        "ghana",
        "Forest-fringe communities, traditional authorities, the forest office, cocoa buyers and "
        "community radio agreeing together how the reserves of the forest–savannah transition "
        "zone are used and protected.",
        ("GH",),
        "Techiman and Kintampo, Bono East Region",
        "7.58620",
        "-1.93950",
        "forest co-management, tree tenure, cocoa, community radio",
        (OBJ_MSP, OBJ_COMPLEXITY, FORESTS, LAND, MARKETS),
        STAGE.RUNNING,
        1100,
        ("https://fcghana.org", "https://forestfutures.demo.harambee.org/forum"),
        (
            ("ffg", "Convener; runs the forum's secretariat and community sessions"),
            ("bono", "Co-manager of the reserves; chairs the forum in turn"),
            ("greenleaf", "Cocoa buyer; pays farmers' transport to register trees"),
            ("radio", "Media partner: the monthly call-in"),
            ("lindenhof", "Funder of the action inquiry"),
            ("secretariat", "Learning partner: action inquiry site support"),
        ),
    ),
    InitiativeSpec(
        "tana",
        "Water users of the Thika and Chania rivers, from women's water committees to "
        "horticulture exporters, agreeing how to share low flows in the dry season and checking "
        "together whether the agreements hold.",
        ("KE",),
        "Thika and Chania sub-catchments, Murang'a and Kiambu counties",
        "-1.03330",
        "37.06930",
        "water allocation, dry-season flows, community water kiosks, irrigation",
        (OBJ_MSP, OBJ_LEADERSHIP, WATER, CLIMATE, GENDER),
        STAGE.RUNNING,
        700,
        ("https://wra.go.ke",),
        (
            ("tana", "Convener; water permits and river gauging"),
            ("gatanga", "Community partner: kiosk records and spring protection"),
            ("rijnmond", "Technical adviser on flow monitoring"),
            ("cape", "Facilitation coaching"),
            ("lindenhof", "Funder"),
        ),
    ),
    InitiativeSpec(
        "peten",
        "Forest guards, fire brigades and women's groups of the community concessions in the "
        "Maya Biosphere Reserve using voice-note diaries and patrol records to keep the forest "
        "standing and the concessions renewed.",
        ("GT",),
        "Community concessions of the Maya Biosphere Reserve, Petén",
        "17.39330",
        "-89.63360",
        "community forestry, fire management, community monitoring, concession contracts",
        (OBJ_COMPLEXITY, OBJ_MSP, FORESTS, GOVERNANCE, CLIMATE),
        STAGE.SCALING,
        420,
        ("https://conap.gob.gt",),
        (
            ("peten", "Convener; runs the monitoring network"),
            ("cape", "Action inquiry coaching"),
            ("lindenhof", "Funder of the voice-note diaries"),
        ),
    ),
    InitiativeSpec(
        "para",
        "A quilombola association, lawyers and the municipal environment office working "
        "through overlapping land registrations on the community's territory, starting from the "
        "community's own map.",
        ("BR",),
        "Lower Tocantins, Pará",
        "-2.24390",
        "-49.49580",
        "territorial rights, rural environmental register (CAR), participatory mapping",
        (OBJ_MSP, OBJ_LEADERSHIP, LAND, FORESTS, GOVERNANCE),
        STAGE.STARTING,
        150,
        ("https://www.car.gov.br",),
        (
            ("terra", "Convener and legal support"),
            ("lindenhof", "Funder of the mapping workshops"),
            ("secretariat", "Learning partner"),
        ),
    ),
    InitiativeSpec(
        "maha",
        "Women's self-help groups, watershed committees and the block office in six villages "
        "making sure that what women say in meetings reaches the minutes, and the decisions.",
        ("IN",),
        "Six villages in Ahmednagar district, Maharashtra",
        "19.09520",
        "74.74960",
        "watershed management, drinking water, women's participation, meeting records",
        (OBJ_MSP, OBJ_LEADERSHIP, GENDER, WATER, GOVERNANCE),
        STAGE.SCALING,
        520,
        ("https://deccan.demo.harambee.org/watershed-voices",),
        (
            ("deccan", "Convener and research partner"),
            ("cape", "Co-researcher in the voice and inclusion study"),
            ("lindenhof", "Funder"),
        ),
    ),
    InitiativeSpec(
        "limpopo",
        "A land restitution committee, a citrus estate and the provincial government "
        "negotiating land, water rights and jobs together, with an independent facilitator. "
        "The settlement is signed and the dialogue has closed.",
        ("ZA",),
        "Letsitele valley near Tzaneen, Limpopo",
        "-23.88330",
        "30.40000",
        "land restitution, water rights, farm jobs, settlement agreements",
        (OBJ_MSP, OBJ_COMPLEXITY, OBJ_LEADERSHIP, LAND, MARKETS),
        STAGE.CLOSED,
        930,
        ("https://cape-complexity.demo.harambee.org/letsitele",),
        (
            ("cape", "Independent facilitator of the dialogue"),
            ("rijnmond", "Water-rights adviser to both parties"),
            ("lindenhof", "Funder of the facilitation"),
            ("secretariat", "Learning partner; published the closing evaluation"),
        ),
        ended_days_ago=30,
    ),
    InitiativeSpec(
        "ifugao",
        "Elders, women and young people of an ancestral domain in Ifugao writing their own "
        "protocol for free, prior and informed consent before a hydropower company's "
        "consultations begin.",
        ("PH",),
        "Banaue and Hungduan, Ifugao",
        "16.91330",
        "121.05860",
        "ancestral domain, free prior and informed consent, rice terraces, hydropower",
        (OBJ_MSP, OBJ_COMPLEXITY, LAND, GENDER, FOOD),
        STAGE.EXPLORING,
        45,
        ("https://ncip.gov.ph",),
        (
            ("secretariat", "Learning partner"),
            ("cape", "Facilitation coaching"),
            ("lindenhof", "Small exploratory grant"),
        ),
    ),
)

PLAN, ACT, OBSERVE, REFLECT = "plan", "act", "observe", "reflect"
CYC = InquiryCycle.Status

CYCLES: tuple[CycleSpec, ...] = (
    # --- Ghana --------------------------------------------------------------------------
    CycleSpec(
        "ghana-1",
        "ghana",
        "yaw",
        "How can people who never come to forum meetings still shape the forum's decisions?",
        PUB,
        CYC.COMPLETE,
        60,
        """
        Forum meetings in Techiman draw the same thirty people: chiefs' representatives,
        officers, buyers and association executives. Women, tenant farmers and young people
        rarely come and seldom speak when they do. This cycle tries two other doors into the
        forum: the monthly radio call-in, and sessions held in the communities themselves.
        """,
        (
            PhaseSpec(
                PLAN,
                95,
                "akosua",
                """
                Agreed at the forum: Kofi gives *Our Forest, Our Future* one question a month
                from the forum, and the community facilitators hold a session on the same
                question in three fringe communities in the same week. Yaw compares what comes
                in through each door with what is said at the forum. First question: *what
                would make you report a fire?*
                """,
            ),
            PhaseSpec(
                ACT,
                80,
                "kofi",
                """
                First call-in: 38 callers in 60 minutes and 22 text messages after we went off
                air. Most callers farm in villages that have never sent anyone to the forum.
                """,
            ),
            PhaseSpec(
                ACT,
                74,
                "akosua",
                """
                Community sessions in Asuboi, Nkwanta and Yabraso: 71 people, 40 of them women.
                In Yabraso the women asked to meet on their own; we agreed on the spot.
                """,
            ),
            PhaseSpec(
                OBSERVE,
                62,
                "yaw",
                """
                The three records side by side. Forum members talked about the number of
                guards. Callers talked about being blamed when they report a fire. The women
                talked about whom they could safely tell. Three problems behind one question.
                """,
            ),
            PhaseSpec(
                REFLECT,
                46,
                "yaw",
                """
                Reflection session with the forum. The radio and the community sessions are not
                consultation add-ons; they are part of how the forum decides. From now on every
                forum meeting opens with a two-minute summary of what came in through them,
                read by a community facilitator.
                """,
            ),
        ),
        started_days_ago=95,
        ended_days_ago=46,
        comments=(
            C(
                "lindiwe",
                30,
                "Three problems behind one question: that is a finding in itself. Did anyone "
                "name the question differently before you chose it?",
                (
                    C(
                        "yaw",
                        36,
                        "Abena did. She wanted to ask who puts fires out, not who reports them. "
                        "We should have listened.",
                    ),
                ),
            ),
        ),
    ),
    CycleSpec(
        "ghana-2",
        "ghana",
        "akosua",
        "Can walking the boundary together replace arguing over maps?",
        SPC,
        CYC.COMPLETE,
        36,
        """
        People disagree about where the reserve boundary runs near Asuboi and Nkwanta. The
        pillars were set in the 1950s and many are gone. The forum agreed to walk the boundary
        together instead of arguing over maps.
        """,
        (
            PhaseSpec(
                PLAN,
                37,
                "akosua",
                """
                Who walks: farmers from both communities (at least two women in each group), two
                forest guards without uniforms but with their IDs, the chief's linguist, Yaw to
                take notes. Farmers from the eastern side invited on Kwabena's advice.
                """,
            ),
            PhaseSpec(
                ACT,
                31,
                "yaw",
                """
                Thirteen people walked about 4 km of the boundary. Three cocoa farms inside the
                line within the first hour. The farmers went silent.
                """,
            ),
            PhaseSpec(
                OBSERVE,
                30,
                "akosua",
                """
                Women's session the day after the walk. Not one word about farms: the talk was
                about fuelwood and shea trees on the savannah side.
                """,
            ),
            PhaseSpec(
                REFLECT,
                28,
                "yaw",
                """
                Walking together built goodwill but is not a safe place for disclosure. Next
                cycle the communities write the walk plan themselves.
                """,
            ),
        ),
        started_days_ago=38,
        ended_days_ago=28,
    ),
    CycleSpec(
        "ghana-3",
        "ghana",
        "kwame",
        "Would joint patrols of guards and community watch teams reduce night logging without "
        "putting informants at risk?",
        PRV,
        CYC.PLANNED,
        6,
        """
        Not for the forum yet. A possible next cycle, to think through before we propose it.
        """,
        (
            PhaseSpec(
                PLAN,
                6,
                "kwame",
                """
                Before proposing a pilot: ask Ibrahim how patrol routes are decided and who
                knows them in advance; ask the two community members who came forward what
                would make them feel safe; get the non-prosecution letter in writing first.
                """,
            ),
            PhaseSpec(
                PLAN,
                4,
                "akosua",
                """
                Spoke to one of the two. She will only take part if the watch team is chosen by
                the queen mother, not through the assembly member. This goes into the proposal.
                """,
            ),
        ),
        coauthors=("akosua",),
    ),
    # --- Upper Tana -----------------------------------------------------------------------
    CycleSpec(
        "tana-1",
        "tana",
        "wanjiru",
        "What do different users think is happening to the river in the dry season?",
        PUB,
        CYC.COMPLETE,
        56,
        """
        Every dry season the quarrels start at the intakes, and every user has a different
        story. Before negotiating anything, this cycle collects the stories side by side.
        """,
        (
            PhaseSpec(
                PLAN,
                100,
                "wanjiru",
                """
                Four listening sessions, one per user group: the women's water committee,
                smallholder irrigators, the horticulture farms and the tea factory. The same
                three questions each time: what happens to the river in February, why, and who
                could change it.
                """,
            ),
            PhaseSpec(
                ACT,
                85,
                "otieno",
                """
                Three sessions held. The tea factory sent apologies twice. Brian recorded the
                women's session for radio, with their permission.
                """,
            ),
            PhaseSpec(
                OBSERVE,
                60,
                "wanjiru",
                """
                Four stories: the women blame the farms; smallholders blame the rain and the
                forest loss upstream; the farms blame illegal pipes; the office's gauge says
                flows are low, but not much lower than ten years ago. Everybody is partly right.
                """,
            ),
            PhaseSpec(
                REFLECT,
                47,
                "otieno",
                """
                The disagreement is not about facts we have but about facts nobody has. Next
                cycle: build a shared picture from gauges, kiosk books and intake observations.
                """,
            ),
        ),
        started_days_ago=100,
        ended_days_ago=47,
    ),
    CycleSpec(
        "tana-2",
        "tana",
        "otieno",
        "Can gauge readings, kiosk records and intake observations add up to one picture that "
        "every user trusts?",
        ALL,
        CYC.ACTIVE,
        42,
        """
        After the first cycle the users agreed that nobody's data would be treated as the truth
        on its own. This cycle puts three kinds of records side by side.
        """,
        (
            PhaseSpec(
                PLAN,
                44,
                "wanjiru",
                """
                The office publishes its permit list and gauge readings first. The women's
                committee shares the kiosk books; the farms share weekly meter readings. Peter
                installs a temporary logger near the lower-village intake.
                """,
            ),
            PhaseSpec(
                ACT,
                30,
                "otieno",
                """
                Logger installed 200 m above the lower-village intake. Showed Grace and Faith
                how to read the display; they write the reading down at 7 a.m. and 5 p.m.
                """,
            ),
            PhaseSpec(
                OBSERVE,
                15,
                "grace",
                """
                Two weeks of readings. The tap stops on Thursday and Friday evenings, and on
                those evenings the logger shows the level falling by about a third within two
                hours.
                """,
            ),
        ),
        started_days_ago=44,
        comments=(
            C(
                "samuel",
                20,
                "The farms' meter readings for the same two weeks are ready. I will bring them "
                "printed to the users' meeting.",
            ),
        ),
    ),
    # --- Petén ----------------------------------------------------------------------------
    CycleSpec(
        "peten-1",
        "peten",
        "mateo",
        "What makes a community monitor keep sending voice notes after the first month?",
        PUB,
        CYC.COMPLETE,
        68,
        """
        Written patrol reports used to dry up after a few weeks. The concessions switched to
        two-minute WhatsApp voice notes. This cycle asked why some monitors keep going and
        others stop.
        """,
        (
            PhaseSpec(
                PLAN,
                200,
                "mateo",
                """
                Twenty-four monitors in four concessions: forest guards, fire brigade members
                and women from the xate and seed groups. Each records two minutes a week, in
                Spanish or Q'eqchi', after patrol or work in the forest.
                """,
            ),
            PhaseSpec(
                ACT,
                150,
                "mateo",
                """
                Two coordinators listen every Monday and write a one-page summary. From week six
                every voice note gets an answer within the week: a question, a thank-you, or
                what was done about it.
                """,
            ),
            PhaseSpec(
                OBSERVE,
                90,
                "ingrid",
                """
                After five months 19 of the 24 monitors still report every week. The five who
                stopped had never received an answer before week six.
                """,
            ),
            PhaseSpec(
                REFLECT,
                45,
                "mateo",
                """
                Reflection with 17 monitors in Uaxactún. *Cuando nadie contesta, sientes que le
                hablas al monte*: when nobody answers, you feel you are talking to the forest.
                The answer matters more than the phone credit.
                """,
            ),
        ),
        started_days_ago=200,
        ended_days_ago=45,
    ),
    CycleSpec(
        "peten-2",
        "peten",
        "ingrid",
        "Can the monitors' patrol and fire records count as evidence when concession contracts "
        "are evaluated?",
        SPC,
        CYC.ACTIVE,
        24,
        """
        Concession contracts are evaluated on the administration's own inspections. The
        communities hold ten years of fire and patrol records. This cycle tests whether the two
        can be read together.
        """,
        (
            PhaseSpec(
                PLAN,
                26,
                "ingrid",
                """
                Agree with the evaluation team which records they can accept: dates, places,
                photographs. Mateo brings the fire brigade's notebooks from 2012 on.
                """,
            ),
            PhaseSpec(
                ACT,
                12,
                "mateo",
                """
                Notebooks for 2012–2023 scanned: 214 fires recorded, 61 of them with a location
                the evaluators can check on the ground.
                """,
            ),
        ),
        started_days_ago=26,
    ),
    # --- Pará -----------------------------------------------------------------------------
    CycleSpec(
        "para-1",
        "para",
        "rafael",
        "What does the community's own map change in a conversation with the municipality?",
        ALL,
        CYC.COMPLETE,
        64,
        """
        The rural environmental register shows ranch boundaries on top of the quilombola
        territory. The association decided to bring its own map to the municipality rather than
        keep arguing over the register.
        """,
        (
            PhaseSpec(
                PLAN,
                120,
                "rafael",
                """
                Three mapping workshops in the community with printed satellite images, and GPS
                walks along the contested edges. The municipal environment secretary invited to
                the third.
                """,
            ),
            PhaseSpec(
                ACT,
                95,
                "ana",
                """
                Workshops one and two: 46 people. The elders drew the old boundaries along the
                igarapés; the young people marked the new fences.
                """,
            ),
            PhaseSpec(
                ACT,
                70,
                "raimunda",
                """
                Third workshop. The secretary came with two of his staff and stayed three hours,
                longer than anyone expected.
                """,
            ),
            PhaseSpec(
                OBSERVE,
                60,
                "ana",
                """
                The community's map and the register overlap on 2,300 hectares, in seven
                self-declared properties.
                """,
            ),
            PhaseSpec(
                REFLECT,
                52,
                "rafael",
                """
                The map turned "our word against theirs" into "what does the municipality do
                with this?". Next: the administrative route to cancel unvalidated registrations.
                """,
            ),
        ),
        started_days_ago=120,
        ended_days_ago=52,
    ),
    CycleSpec(
        "para-2",
        "para",
        "ana",
        "Can an unvalidated overlapping registration be cancelled without going to court?",
        SPC,
        CYC.ACTIVE,
        40,
        """
        Most of the registrations that overlap the territory have never been validated by the
        state. This cycle tries the administrative route, one registration at a time.
        """,
        (
            PhaseSpec(
                PLAN,
                45,
                "ana",
                """
                Start with the clearest case: the registration that covers the cemetery and the
                açaí groves. Request made through the municipal office, with the community map
                attached.
                """,
            ),
            PhaseSpec(
                ACT,
                20,
                "carlos",
                """
                The municipality forwarded the request to the state environment agency with its
                own technical opinion. The first time we have done this.
                """,
            ),
        ),
        started_days_ago=45,
    ),
    # --- Ahmednagar -----------------------------------------------------------------------
    CycleSpec(
        "maha-1",
        "maha",
        "arjun",
        "Whose voices reach the watershed committee minutes?",
        PUB,
        CYC.COMPLETE,
        62,
        """
        Watershed committees decide which works the employment-guarantee scheme pays for. We
        observed their meetings to see whose points are recorded, and whose are lost.
        """,
        (
            PhaseSpec(
                PLAN,
                160,
                "arjun",
                """
                Observe 18 committee meetings in six villages with an observation sheet in
                Marathi: who speaks, for how long, on what point, and whether the point appears
                in the minutes.
                """,
            ),
            PhaseSpec(
                ACT,
                110,
                "meena",
                """
                Women from the self-help groups co-observed every meeting. In two villages the
                groups started keeping their own register of what was said.
                """,
            ),
            PhaseSpec(
                OBSERVE,
                70,
                "arjun",
                """
                Women made 31% of the contributions and 9% of the points recorded. Landless
                labourers' points were recorded only when a landowner repeated them.
                """,
            ),
            PhaseSpec(
                REFLECT,
                50,
                "meena",
                """
                Shared the numbers with the two committees whose villages keep a register. One
                chair said: "We did not leave them out, we just did not write them down." That
                is the finding.
                """,
            ),
        ),
        started_days_ago=160,
        ended_days_ago=50,
    ),
    CycleSpec(
        "maha-2",
        "maha",
        "meena",
        "What changes when the committee reads the women's register aloud at the start of each "
        "meeting?",
        ALL,
        CYC.ACTIVE,
        40,
        """
        A counter-record only matters if the committee hears it. This cycle asks all six
        committees to open their meetings with it.
        """,
        (
            PhaseSpec(
                PLAN,
                42,
                "meena",
                """
                Ask the committees in all six villages to begin each meeting by reading the
                self-help group's register of the previous meeting.
                """,
            ),
            PhaseSpec(
                ACT,
                25,
                "suresh",
                """
                The block office sent a circular suggesting the practice to every watershed
                committee in the block. A suggestion, not a rule, but with my signature.
                """,
            ),
            PhaseSpec(
                OBSERVE,
                10,
                "meena",
                """
                Four of six committees now read the register aloud: in two the chair reads it,
                in two a woman from the group. Drinking-water works moved up the list in three
                villages.
                """,
            ),
        ),
        started_days_ago=42,
    ),
    # --- Limpopo --------------------------------------------------------------------------
    CycleSpec(
        "limpopo-1",
        "limpopo",
        "marius",
        "What does each party need to hear before it can negotiate land, water rights and jobs "
        "together?",
        ALL,
        CYC.COMPLETE,
        72,
        """
        Land without water rights would be worthless to the claimants; water rights without
        land would be worthless to the estate; and the farm workers stood to lose their jobs
        either way. The dialogue tried to negotiate all three together.
        """,
        (
            PhaseSpec(
                PLAN,
                300,
                "marius",
                """
                Separate listening sessions with the restitution committee, the estate's
                management, the farm workers' representatives and the provincial officials,
                before any joint meeting.
                """,
            ),
            PhaseSpec(
                ACT,
                230,
                "sipho",
                """
                Joint site visit with the surveyor, the estate and our committee on the same
                day. We walked every contested fence.
                """,
            ),
            PhaseSpec(
                ACT,
                120,
                "marius",
                """
                Five negotiation rounds. Round three nearly broke down over the workers' jobs;
                a separate workers' caucus was added before each round from then on.
                """,
            ),
            PhaseSpec(
                OBSERVE,
                60,
                "thandi",
                """
                Closing evaluation: interviews with 21 people from all four parties, and the
                records of all five rounds.
                """,
            ),
            PhaseSpec(
                REFLECT,
                32,
                "sipho",
                """
                Settlement signed: the land goes to a community trust with its water rights, a
                ten-year lease-back to the estate, and a joint company that employs the current
                workers. The dialogue closes; the joint company's board takes over.
                """,
            ),
        ),
        started_days_ago=300,
        ended_days_ago=32,
    ),
    # --- Ifugao ---------------------------------------------------------------------------
    CycleSpec(
        "ifugao-1",
        "ifugao",
        "benjie",
        "How should the community's own consent protocol be written, and by whom?",
        PUB,
        CYC.ACTIVE,
        24,
        """
        A hydropower company wants to build on a river inside the ancestral domain. Before its
        consultations start, the community wants to say how it wishes to be consulted.
        """,
        (
            PhaseSpec(
                PLAN,
                26,
                "benjie",
                """
                Following Raimunda's advice from Pará: the community writes its own
                consultation protocol first. Sessions with the council of elders, then
                separately with women and with young people, then all together.
                """,
            ),
            PhaseSpec(
                ACT,
                12,
                "marites",
                """
                First elders' session in Hungduan, in Tuwali. The elders want the protocol to
                say that the community may say no, and that a no stands for five years.
                """,
            ),
            PhaseSpec(
                ACT,
                5,
                "benjie",
                """
                Women's session: consultations must happen after the harvest, never during
                planting, and in the barangay, not in the town hall.
                """,
            ),
        ),
        started_days_ago=26,
        comments=(
            C(
                "raimunda",
                40,
                "Muito bem! Write down also who may speak for the community, and who may not. "
                "The company will look for someone who says yes.",
                (
                    C(
                        "benjie",
                        46,
                        "Salamat, Raimunda. That is the hardest part; the elders start on it next "
                        "week.",
                    ),
                ),
            ),
        ),
    ),
)

SINGLE, REPEATED, EVALUATED = (
    Lesson.Strength.SINGLE,
    Lesson.Strength.REPEATED,
    Lesson.Strength.EVALUATED,
)

NOTES: tuple[NoteSpec, ...] = (
    # --- Ghana --------------------------------------------------------------------------
    NoteSpec(
        "ghana-radio",
        "ghana",
        "kofi",
        "Radio and community sessions bring new voices into the forum",
        PUB,
        44,
        (OBJ_MSP, GENDER, FORESTS),
        context="""
        The forum meets every second month in Techiman. The same thirty or so people come:
        chiefs' representatives, forest officers, buyers and the executives of farmers'
        associations. Women, tenant farmers and young people rarely come and seldom speak when
        they do, yet they collect the fuelwood, farm the reserve edges and see the fires first.
        """,
        tried="""
        For one cycle the forum put the same question to three audiences in the same month:
        the forum meeting, the monthly call-in on Bono Community Radio (*Our Forest, Our
        Future*), and sessions in three fringe communities run by the community facilitators.
        The question was *what would make you report a fire?*
        """,
        happened="""
        - The call-in drew 38 callers in an hour and 22 text messages afterwards, mostly from
          villages that have never sent anyone to the forum.
        - 71 people came to the community sessions, 40 of them women. In Yabraso the women
          asked to meet on their own.
        - The three audiences heard one question as three different problems: too few guards
          (the forum), being blamed when you report (the callers), and whom you can safely tell
          (the women).
        """,
        learned="""
        The forum had treated the radio and the community sessions as consultation: good to
        have, reported at the end. In practice they brought up the problems the forum could
        actually act on. The forum now opens every meeting with a two-minute summary of what
        came in through the radio and the sessions, read by a community facilitator.
        """,
        evidence="""
        The station's call log and text messages (Kofi); notes of the three community sessions
        (Akosua and the community facilitators); Yaw's notes of the forum meeting. We compared
        the three records side by side at the reflection session.
        """,
        methods="""
        One question a month, asked through every channel in the same week. Separate women's
        sessions on request. A side-by-side table of what each channel said, read aloud at the
        reflection session.
        """,
        questions="""
        How do other initiatives keep a radio audience involved after the programme, not only
        during it? Has anyone found a good way to tell callers what the forum did with what they
        said?
        """,
        cycle="ghana-1",
        coauthors=("yaw", "akosua"),
        edit=EditSpec(
            "yaw",
            25,
            "Added the numbers from the call-in on tree ownership",
            (
                (
                    "happened",
                    """
                    - A month later the call-in on *who owns the trees on my farm?* drew 63
                      callers and 41 text messages: the same pattern, at almost twice the size.
                    """,
                ),
            ),
        ),
        lessons=(
            LessonSpec(
                "kofi",
                "One concrete question on air brings in more people than a report on the forum",
                """
                Callers answer a question they can answer from their own farm. When the
                programme gave a general report on the forum, three people called. When it asked
                one concrete question, 38 called, and 63 the month after.
                """,
                REPEATED,
                PUB,
                30,
                (OBJ_MSP, GOVERNANCE),
                comments=(
                    C(
                        "brian",
                        20,
                        "Same in Murang'a: our water programme only came alive when we asked "
                        "'when did your tap last run dry?'.",
                    ),
                ),
            ),
            LessonSpec(
                "akosua",
                "Offer women their own session before they have to ask for it",
                """
                In Yabraso the women asked to meet separately, and what they said there never
                came up in the mixed sessions. Asking is itself a cost: many women will not ask
                in front of the men. We now plan a women's session in every community round.
                """,
                SINGLE,
                ALL,
                50,
                (GENDER, OBJ_MSP),
            ),
        ),
        comments=(
            C(
                "lucia",
                18,
                "In Petén we saw the same with the voice notes: people who never write a report "
                "talk for two minutes without stopping. Reading the summary aloud at the start "
                "of the meeting is a lovely idea; I will suggest it to the concessions.",
                (
                    C(
                        "kofi",
                        22,
                        "Gracias, Lucía! The community facilitators were nervous the first time. "
                        "Now they ask for more than two minutes.",
                    ),
                ),
            ),
            C(
                "comfort",
                26,
                "For the office the callers' point about blame was the hardest to hear. We are "
                "changing how guards respond to a fire report: first thanks, questions later.",
            ),
            C(
                "thandi",
                40,
                "A fine example of the same question travelling through different channels and "
                "coming back as different problems. Did you keep the three problems apart in the "
                "forum's decisions, or merge them?",
                (
                    C(
                        "yaw",
                        44,
                        "We kept them apart on purpose: three small agreements, each with its own "
                        "owner, rather than one big plan.",
                    ),
                ),
            ),
        ),
        reactions=(("lucia", INSIGHT), ("amara", THANKS), ("brian", LIKE), ("comfort", LIKE)),
    ),
    NoteSpec(
        "ghana-walk",
        "ghana",
        "yaw",
        "The boundary walk: what became sayable, and what did not",
        SPC,
        27,
        (OBJ_MSP, OBJ_COMPLEXITY, FORESTS, LAND),
        context="""
        The reserve boundary near Asuboi and Nkwanta was marked with concrete pillars in the
        1950s and many of them are gone. At the forum, farmers, the chief's linguist and the
        forest office each drew a different line. The forum agreed to walk the boundary together
        instead of arguing over maps.
        """,
        tried="""
        Thirteen people walked about 4 km of the boundary in one day: farmers from both
        communities (four of them women), two forest guards without uniforms, the chief's
        linguist, Akosua and Yaw. The next day Akosua held a separate session with women from
        both communities.
        """,
        happened="""
        Within the first hour we found three cocoa farms inside the reserve line, in compartment
        14 along the Asuboi stream: the farms of Opanyin Kwaku Duah and two of his sons, planted
        in the 1990s. Once the farms came into view the farmers went quiet. The guards were
        friendly, but their presence was enough: nobody argued, people simply stopped talking.
        Opanyin Duah left the walk at the stream.

        In the women's session the next day nobody mentioned farms. The talk was about fuelwood
        and shea trees on the savannah side, which nobody had put on the forum's agenda.
        """,
        learned="""
        Walking together built goodwill and settled two stretches of the boundary that had been
        argued over for years. But a walk with guards is not a safe setting for people who are
        already breaking the rules: disclosure needs a different setting and a guarantee in
        writing. And "who uses the forest" is a wider group than "who farms next to the forest".
        We wrote the walk plan as facilitators; next time the communities write it.
        """,
        evidence="""
        Yaw's field notes and sketch map; 14 photographs of pillars and farm edges, kept in the
        forum's files because they show whose farms are where; notes of the women's session;
        Comfort Adjei's statement at the forum that nobody will be prosecuted for what was seen.
        """,
        methods="""
        Joint boundary walk; silent observation of who speaks, when, and when they stop; a
        separate women's session the next day; a reflection session two days later with
        everyone who walked.
        """,
        questions="""
        How do you handle the moment when something illegal comes into the open during a joint
        activity? What written guarantees have worked for you, and who signed them?
        """,
        cycle="ghana-2",
        coauthors=("akosua",),
        edit=EditSpec(
            "akosua",
            2,
            "Added what the women said about shea and charcoal",
            (
                (
                    "happened",
                    """
                    The women named four places where shea trees are being cut for charcoal and
                    asked the forum to invite the charcoal buyers. Three of them said nobody had
                    ever asked them about the forest before.
                    """,
                ),
            ),
        ),
        lessons=(
            LessonSpec(
                "yaw",
                "A joint walk builds goodwill, but it is not a safe place for disclosure",
                """
                When the walk reached farms inside the line, the farmers stopped talking. The
                same farmers spoke freely in the community session a week later, with no officers
                present. Disclosure of rule-breaking needs its own setting and a written
                guarantee before it starts.
                """,
                SINGLE,
                SPC,
                20,
                comments=(
                    C(
                        "ibrahim",
                        6,
                        "Fair. Next time the guards can wait at the road for the stretch near the "
                        "farms, and join again after.",
                    ),
                ),
            ),
            LessonSpec(
                "akosua",
                "Ask who uses the forest, not only who farms next to it",
                """
                The forum's picture of forest users was cocoa farmers. The walk, the women's
                session and the call-ins all point the same way: women collecting fuelwood and
                shea, charcoal burners and herders use the forest too, and none of them is at
                the table.
                """,
                REPEATED,
                SPC,
                28,
                (OBJ_MSP, GENDER, FORESTS),
            ),
        ),
        comments=(
            C(
                "comfort",
                10,
                "The office will put the non-prosecution statement in a letter this month. "
                "Akosua, please read it out in both communities.",
                (C("akosua", 14, "I will, in Twi, and leave a copy with the linguist."),),
            ),
            C(
                "kwabena",
                30,
                "Opanyin Duah came to see me after the walk. He is afraid, not angry. Let the "
                "association talk with him first, before the office does.",
            ),
        ),
    ),
    NoteSpec(
        "ghana-patrols",
        "ghana",
        "kwame",
        "Working note: what we can and cannot say about night logging",
        PRV,
        5,
        (OBJ_LEADERSHIP, GOVERNANCE, FORESTS),
        context="""
        Chainsaw operators are working at night on the northern edge of the reserve. Two
        community members have told us who they are. This note is for Akosua and me until we
        agree what can be shared.
        """,
        tried="""
        Asked the District Chief Executive for a private meeting after the assembly briefing
        instead of raising it in the assembly. Asked Ibrahim, without naming anyone, how patrol
        routes are decided.
        """,
        happened="""
        The DCE gave us twenty minutes and promised to raise joint patrols with the regional
        office. Ibrahim says too many people know the patrol routes in advance; he thinks they
        leak.
        """,
        learned="""
        Going through an office without a conflict of interest opened a door the assembly would
        have closed. The informants' safety comes before the speed of any pilot.
        """,
        evidence="Our own notes of the two conversations. Nothing in writing from the DCE yet.",
        methods="Private meetings; a one-page brief left with the DCE.",
        questions="""
        For us: what do we tell the forum, and when? Who else must know before a pilot is
        proposed?
        """,
        cycle="ghana-3",
        coauthors=("akosua",),
        lessons=(
            LessonSpec(
                "kwame",
                "Take a sensitive matter, in private, to the office that has no stake in it",
                """
                Raising night logging in the assembly would have exposed the informants within a
                day. The DCE's office, with no family ties to the operators, listened and acted.
                """,
                SINGLE,
                PRV,
                6,
            ),
        ),
        comments=(
            C(
                "akosua",
                8,
                "Let us wait for the letter from the office before we say anything at the forum.",
            ),
        ),
    ),
    # --- Upper Tana -----------------------------------------------------------------------
    NoteSpec(
        "tana-stories",
        "tana",
        "wanjiru",
        "Four stories about one river",
        PUB,
        46,
        (OBJ_MSP, OBJ_COMPLEXITY, WATER),
        context="""
        Every dry season the quarrels on the Thika and Chania start at the intakes. The women's
        water committee, the smallholder irrigators, the horticulture farms and the tea factory
        each had a story about why the river runs low, and each story blamed someone else.
        """,
        tried="""
        Before negotiating anything, the office held four separate listening sessions, one per
        user group, with the same three questions: what happens to the river in February, why,
        and who could change it. The stories were then read out side by side at a joint meeting,
        without saying who had said what.
        """,
        happened="""
        - The women blamed the farms' pumps.
        - Smallholders blamed the rain and the loss of forest upstream.
        - The farms blamed illegal pipes.
        - The office's gauge showed February flows low, but not much lower than ten years ago.

        At the joint meeting people laughed when the four stories were read out, then went
        quiet. Samuel said: "We are all describing a different river." The tea factory sent
        apologies twice and did not come.
        """,
        learned="""
        The disagreement was not about facts anybody had; it was about facts nobody had. Each
        group was right about its own stretch of river and its own days. Publishing the
        office's gauge and permit data first made the others willing to share theirs. The one
        user who never came, the tea factory, may matter most.
        """,
        evidence="""
        Notes of the four sessions; Brian's recording of the women's session, made with their
        permission; the office's gauge readings for ten dry seasons; attendance lists.
        """,
        methods="""
        Separate listening sessions before joint ones; the same three questions everywhere;
        the stories read aloud side by side, unattributed.
        """,
        questions="""
        How do you bring in a powerful user who keeps sending apologies? Has anyone used a
        permit review as the reason to come to the table?
        """,
        cycle="tana-1",
        coauthors=("otieno", "grace"),
        edit=EditSpec(
            "otieno",
            4,
            "Corrected the gauge figures and added the ten-year comparison",
            (
                (
                    "evidence",
                    """
                    Gauge at Thika: mean February flow 2.1 m³/s over the last three years,
                    against 2.4 m³/s ten years ago. The difference is smaller than the variation
                    from one year to the next.
                    """,
                ),
            ),
        ),
        lessons=(
            LessonSpec(
                "wanjiru",
                "When the regulator publishes its own data first, others share theirs",
                """
                Nobody wants to be the only one who is transparent. The office published its
                permits and gauge readings first; within a month the farms shared their meter
                readings and the women's committee its kiosk books. We have seen the same at two
                users' associations since.
                """,
                REPEATED,
                PUB,
                24,
                (OBJ_LEADERSHIP, WATER),
                comments=(
                    C(
                        "suresh",
                        10,
                        "Useful for us in government. Publishing first costs an office little "
                        "and buys a lot of trust.",
                    ),
                    C(
                        "eva",
                        22,
                        "This is the kind of lesson the leaders' dialogue keeps asking for. May we "
                        "quote it in the next session summary?",
                        (C("wanjiru", 26, "Please do."),),
                    ),
                ),
            ),
        ),
        comments=(
            C(
                "arjun",
                12,
                "Reading the stories aloud unattributed is clever: people can recognise their "
                "own view without having to defend it.",
            ),
            C(
                "samuel",
                20,
                "I did say that, and I still think it. The tea factory will come when the "
                "permit review starts; they cannot afford not to.",
                (
                    C(
                        "wanjiru",
                        24,
                        "The review starts in March. I will invite them in writing this time.",
                    ),
                ),
            ),
        ),
        reactions=(("samuel", LIKE), ("arjun", INSIGHT), ("hanneke", THANKS)),
    ),
    NoteSpec(
        "tana-kiosks",
        "tana",
        "grace",
        "Kiosk record books as river data",
        ALL,
        13,
        (OBJ_COMPLEXITY, WATER, GENDER),
        context="""
        The Gatanga Women's Water Committee runs four water kiosks. For years Faith has kept a
        book for each one: jerrycans sold every day, and the days the tap runs dry. Nobody
        outside the committee had ever asked to see them.
        """,
        tried="""
        We went through two dry seasons of records. Then, with Peter's temporary logger near
        the lower-village intake, we wrote down the time the tap stopped and the logger reading
        at 7 a.m. and 5 p.m., every day for two weeks.
        """,
        happened="""
        - In February the lower-village kiosk was dry on 17 days out of 28; the upper kiosks on 4.
        - The dry days came in runs of three or four, at the end of the week.
        - On Thursday and Friday evenings the logger showed the level near our intake falling by
          about a third within two hours, while the gauge at Thika hardly moved.
        """,
        learned="""
        Our books are river data. They show what the gauge cannot: when and where the water
        disappears between the gauge and our intake. We learned to read the logger ourselves,
        so the findings are ours as much as the office's. We agreed with Wanjiru to present the
        data together at the users' meeting, so that nobody is accused on one side's numbers.
        """,
        evidence="""
        The kiosk record books for two dry seasons (summary attached); two weeks of logger
        readings; a photo of the lower-village intake, with its location, since it is a public
        place.
        """,
        methods="""
        Record books kept for our own purposes; a temporary water-level logger; readings twice
        a day by the committee; Faith's weekly SMS of the numbers to Peter.
        """,
        questions="""
        How have other communities put their own records in front of a regulator without being
        told that only official data count?
        """,
        cycle="tana-2",
        coauthors=("faith", "otieno"),
        lessons=(
            LessonSpec(
                "grace",
                "Users' own records become trusted evidence when the office helps read them",
                """
                The office did not replace our books with its own measurements; it put a logger
                next to them and taught us to read it. That is why both sides accept the result.
                """,
                SINGLE,
                ALL,
                30,
                comments=(
                    C(
                        "priya",
                        30,
                        "A good counterpart to the women's registers in Ahmednagar: records kept "
                        "for one purpose turn out to answer another.",
                    ),
                ),
            ),
        ),
        comments=(
            C(
                "samuel",
                12,
                "Thursday and Friday evenings fit the schedule of two farms above your intake. "
                "Not ours, but I know whose. Let us talk at the users' meeting.",
            ),
            C(
                "brian",
                26,
                "Grace, could we record you reading one week of the book on air? Numbers in a "
                "voice people know will travel further than any report.",
                (C("grace", 30, "Yes, if Faith reads with me. They are her books."),),
            ),
        ),
    ),
    # --- Petén ----------------------------------------------------------------------------
    NoteSpec(
        "peten-voice",
        "peten",
        "mateo",
        "Voice-note diaries: why monitors keep reporting, or stop",
        PUB,
        42,
        (OBJ_COMPLEXITY, FORESTS, GOVERNANCE),
        context="""
        Community monitors in four concessions of the Maya Biosphere Reserve (forest guards,
        fire brigade members, and women from the xate and seed groups) used to fill in written
        patrol forms. After a few weeks most forms stopped coming.
        """,
        tried="""
        Twenty-four monitors switched to a two-minute WhatsApp voice note every week, in
        Spanish or Q'eqchi'. Two coordinators listen every Monday and write a one-page summary.
        From week six every note got an answer within the week: a question, a thank-you, or
        what was done about it.
        """,
        happened="""
        After five months 19 of the 24 still reported every week: four times as many reports as
        the written forms ever brought. The five who stopped had never received an answer before
        week six. The notes covered things the form never asked about: a new road, a family that
        moved in, the price of xate.
        """,
        learned="""
        The answer matters more than the phone credit. As one guard said at the reflection in
        Uaxactún: *cuando nadie contesta, sientes que le hablas al monte*, when nobody answers,
        you feel you are talking to the forest. Monitoring is a conversation, not a form.
        """,
        evidence="""
        Reporting logs for the 24 monitors over five months; the weekly summaries; notes of the
        reflection session with 17 monitors.
        """,
        methods="""
        Voice-note diaries on WhatsApp; a fixed listening day; a one-page summary template; an
        answer to every note.
        """,
        questions="""
        How do you store and protect voice notes that mention people by name? Who should own the
        recordings: the monitor, the concession or the network?
        """,
        cycle="peten-1",
        coauthors=("ingrid", "femke"),
        lessons=(
            LessonSpec(
                "mateo",
                "Monitors keep reporting when every report gets an answer",
                """
                Reporting held up for the monitors who got answers and fell away for those who
                did not, in all four concessions and in both languages. An answer within the week
                is the cheapest part of the system and the one that keeps it running.
                """,
                REPEATED,
                PUB,
                26,
                comments=(
                    C(
                        "akosua",
                        12,
                        "We start voice notes with the women's groups in two communities next "
                        "month. Answering every note is now in our plan.",
                    ),
                ),
            ),
        ),
        comments=(
            C(
                "lucia",
                8,
                "Gracias, Mateo. The summaries are also what convinced the council that the "
                "monitors see things its own staff do not.",
            ),
            C(
                "arjun",
                20,
                "On storage: in our watershed work consent for recordings was the hard part. Do "
                "the monitors agree to each note being kept, or once for all?",
                (
                    C(
                        "femke",
                        26,
                        "Once a year, in a meeting, in their language, and anyone may ask for "
                        "their notes to be deleted. It is not perfect, but it is understood.",
                    ),
                ),
            ),
        ),
        reactions=(("lucia", LIKE), ("akosua", INSIGHT), ("kofi", INSIGHT)),
    ),
    # --- Pará -----------------------------------------------------------------------------
    NoteSpec(
        "para-map",
        "para",
        "rafael",
        "Our map on the table: mapping overlapping claims with the municipality",
        ALL,
        50,
        (OBJ_MSP, OBJ_LEADERSHIP, LAND),
        context="""
        In the rural environmental register (CAR), seven self-declared ranch properties lie on
        top of the quilombola territory. The association had protested for years, by letter and
        at public hearings, and the register stayed as it was.
        """,
        tried="""
        Three participatory mapping workshops in the community, with printed satellite images
        and GPS walks along the contested edges. The municipal environment secretary was invited
        to the third, in the community, rather than taking the map to his office.
        """,
        happened="""
        46 people took part in the first two workshops. The elders drew the old boundaries along
        the igarapés; the young people marked where the new fences are. The community's map and
        the register overlap on 2,300 hectares. The secretary came to the third workshop with two
        of his staff and stayed three hours.
        """,
        learned="""
        Printed images worked far better than tablets: people stood around them and argued.
        Mapping elders and young people together put both history and the present on one map.
        And once the municipality was in the room the question changed from "our word against
        theirs" to "what does the municipality do with this?".
        """,
        evidence="""
        The community map, kept by the association; attendance lists of the three workshops; the
        overlap analysis against the register.
        """,
        methods="""
        Participatory mapping on printed satellite images; GPS walks; inviting the official to
        the community.
        """,
        questions="""
        Has anyone had an overlapping registration cancelled without going to court? Which body
        validated your community's map?
        """,
        cycle="para-1",
        coauthors=("raimunda", "ana"),
        edit=EditSpec(
            "ana",
            6,
            "Added the validation status of the seven registrations",
            (
                (
                    "evidence",
                    """
                    Of the seven overlapping registrations, five have never been validated by the
                    state environment agency. Only the two validated ones are likely to need a
                    court.
                    """,
                ),
            ),
        ),
        lessons=(
            LessonSpec(
                "raimunda",
                "Map with the elders and the young together",
                """
                The elders know the old boundaries; the young know where the new fences are.
                Either group alone would have drawn half the map.
                """,
                SINGLE,
                ALL,
                40,
                (LAND, OBJ_MSP),
            ),
        ),
        comments=(
            C(
                "carlos",
                16,
                "Speaking for the municipality: seeing the map in the community, with the people "
                "who drew it, was different from receiving a complaint. We will forward the "
                "first request with our own opinion.",
            ),
            C(
                "sipho",
                30,
                "Same lesson as our fence walk in Letsitele: nobody argues about a line when "
                "everybody is standing next to it.",
            ),
        ),
    ),
    NoteSpec(
        "para-legal",
        "para",
        "ana",
        "The administrative route: first request to cancel an overlapping registration",
        SPC,
        18,
        (LAND, GOVERNANCE),
        context="""
        The clearest of the seven overlaps is the registration of Fazenda Boa Esperança, which
        covers the community's cemetery and its açaí groves. It has never been validated.
        """,
        tried="""
        A request to cancel the registration, made through the municipal environment office with
        the community map, the cemetery's baptism and burial records, and statements from three
        elders attached.
        """,
        happened="""
        The municipality forwarded the request to the state environment agency with its own
        technical opinion supporting it: the first time it has done so. The ranch's lawyer
        phoned the association's president the following week.
        """,
        learned="""
        An official's technical opinion carries more weight with the state agency than the
        community's own request. The phone call shows the route is taken seriously; it also
        shows the risk for the people whose names are on the request.
        """,
        evidence="""
        The request and its attachments; the municipality's cover letter; a note of the phone
        call, written the same day.
        """,
        methods="Administrative cancellation request; supporting opinion from the municipality.",
        questions="""
        How have others protected community leaders whose names appear on a request like this?
        """,
        cycle="para-2",
        coauthors=("rafael",),
        lessons=(
            LessonSpec(
                "ana",
                "Ask the municipality to forward the request with its own technical opinion",
                """
                The state agency answers an official faster than a community. A supporting
                opinion from the municipality turned our request into a matter between two
                offices.
                """,
                SINGLE,
                SPC,
                20,
            ),
        ),
        comments=(
            C(
                "raimunda",
                8,
                "The lawyer was polite, but he knew my name and my phone number. Next time the "
                "association signs, not a person.",
                (C("ana", 12, "Agreed. I will redraft the second request that way."),),
            ),
        ),
    ),
    # --- Ahmednagar -----------------------------------------------------------------------
    NoteSpec(
        "maha-minutes",
        "maha",
        "arjun",
        "What is said and what is recorded in watershed committee meetings",
        PUB,
        47,
        (OBJ_MSP, GENDER, GOVERNANCE),
        context="""
        Watershed committees in Maharashtra decide which works the employment-guarantee scheme
        pays for: check dams, field bunds, drinking-water tanks. Their minutes are what the
        block office reads and what decisions are later justified by.
        """,
        tried="""
        With women from the self-help groups as co-observers, we observed 18 committee meetings
        in six villages, using an observation sheet in Marathi: who speaks, for how long, on
        what point, and whether the point appears in the minutes.
        """,
        happened="""
        - Women made 31% of the contributions in the meetings and 9% of the points recorded.
        - Points made by landless labourers were recorded only when a landowner repeated them.
        - In two villages the self-help groups began keeping their own register of what was
          said. There, the committee's next decisions included more of the women's priorities,
          drinking water before irrigation.
        """,
        learned="""
        Exclusion here is not mainly about who is in the room. Women are present and they speak;
        it is the record that leaves them out, and the record is what decisions are built on.
        As one chair put it: "We did not leave them out, we just did not write them down."
        """,
        evidence="""
        Observation sheets for 18 meetings, each filled in by two observers; the committees'
        minutes for the same meetings; the self-help groups' registers.
        """,
        methods="""
        Paired observation (a researcher and a woman from the self-help group); comparing each
        spoken point with the minutes; sharing the numbers with the committees before
        publishing.
        """,
        questions="""
        Do other initiatives see the same gap between what is said and what is recorded? Who
        takes the minutes in your forums, and who checks them?
        """,
        cycle="maha-1",
        coauthors=("meena", "priya"),
        edit=EditSpec(
            "priya",
            5,
            "Added how far the numbers can be trusted",
            (
                (
                    "evidence",
                    """
                    The two observers agreed on 92% of the points they coded. Eighteen meetings
                    in six villages is a small sample: read the numbers as a pattern to look for
                    elsewhere, not a rate to quote.
                    """,
                ),
            ),
        ),
        lessons=(
            LessonSpec(
                "priya",
                "Minutes record women's points at less than a third of the rate they make them",
                """
                Systematic paired observation of 18 meetings, checked against the minutes and
                coded by two observers: women made 31% of the contributions and 9% of the
                recorded points. The gap, not attendance, is where their voice is lost.
                """,
                EVALUATED,
                PUB,
                36,
                (GENDER, GOVERNANCE),
                comments=(
                    C(
                        "yaw",
                        12,
                        "I compared my field notes with the Ghana forum's minutes for three "
                        "meetings: the same gap, though I have not counted it as carefully.",
                    ),
                    C(
                        "lindiwe",
                        24,
                        "Evaluated and honest about its limits. This is the kind of lesson that "
                        "travels well between initiatives.",
                    ),
                ),
            ),
        ),
        comments=(
            C(
                "suresh",
                10,
                "As block officer I read only the minutes. I have asked every committee in the "
                "block to attach the self-help group's register when they send them.",
                (
                    C(
                        "meena",
                        16,
                        "Thank you, sir. The federation will train one woman per group to keep "
                        "the register.",
                    ),
                ),
            ),
            C(
                "grace",
                28,
                "Our committee minutes in Gatanga are taken by the chairman's son. I am going "
                "to ask who checks them.",
            ),
        ),
        reactions=(("suresh", THANKS), ("yaw", INSIGHT), ("femke", LIKE)),
    ),
    NoteSpec(
        "maha-register",
        "maha",
        "meena",
        "Reading the women's register aloud at the start of each meeting",
        ALL,
        9,
        (OBJ_LEADERSHIP, GENDER, WATER),
        context="""
        After the first cycle, two self-help groups kept their own register of committee
        meetings. In one village the committee heard it; in the other it stayed a parallel
        record that nobody read.
        """,
        tried="""
        We asked all six committees to open every meeting by reading the group's register of the
        previous meeting. The block office backed the idea with a circular to every watershed
        committee in the block.
        """,
        happened="""
        Four of the six committees now read the register aloud: in two the chair reads it, in
        two a woman from the group. Drinking-water works moved up the list in three villages.
        The two committees that did not start say they have no time.
        """,
        learned="""
        A counter-record changes decisions only when it is read inside the meeting. The block
        officer's signature mattered: the circular was a suggestion, not a rule, but committees
        took it as permission.
        """,
        evidence="""
        The registers and minutes of 11 meetings since the circular; the works lists before and
        after.
        """,
        methods="Counter-records kept by self-help groups; a circular from the block office.",
        questions="""
        What does it take for a practice like this to outlast the officer who signed the
        circular?
        """,
        cycle="maha-2",
        coauthors=("arjun",),
        lessons=(
            LessonSpec(
                "meena",
                "A counter-record changes decisions only when it is read in the meeting itself",
                """
                Where the register was read aloud, the women's priorities entered the works
                list; where it stayed parallel, nothing changed. We have seen this now in five
                villages.
                """,
                REPEATED,
                ALL,
                20,
            ),
        ),
        comments=(
            C(
                "samuel",
                14,
                "Suresh's question on my post was how agreements outlive the people who made "
                "them. This is one answer: make the practice part of how the meeting opens.",
            ),
        ),
    ),
    # --- Limpopo --------------------------------------------------------------------------
    NoteSpec(
        "limpopo-closing",
        "limpopo",
        "thandi",
        "Closing the Letsitele restitution dialogue: what the evaluation found",
        PUB,
        28,
        (OBJ_MSP, OBJ_COMPLEXITY, LAND, MARKETS),
        context="""
        The restitution claim covered 1,400 hectares that a citrus estate farms in the Letsitele
        valley. Land without water rights was worthless to the claimants, water rights without
        land were worthless to the estate, and about 300 farm workers stood to lose their jobs
        either way. Earlier attempts at a settlement had dealt with one issue at a time and
        failed.
        """,
        tried="""
        An independent facilitator from the Cape Centre ran a dialogue over two and a half
        years: separate listening sessions with each party, a joint walk of every contested
        fence, and five negotiation rounds on land, water and jobs together. A workers' caucus
        met before each round from round four on.
        """,
        happened="""
        The settlement was signed last month. The land goes to a community trust together with
        its water rights; the trust leases the orchards back to the estate for ten years; a
        joint company employs the current workers, with trust members trained to take over
        management. Round three nearly broke down over jobs; the workers' caucus saved it.
        """,
        learned="""
        The closing evaluation (21 interviews with all four parties) points to three things.
        Negotiating the three issues together made trade-offs possible that no single issue
        allowed. The joint fence walk settled more boundary disputes than any meeting. And the
        workers, who were not a party to the claim, had to be given a place of their own before
        anyone else could agree.
        """,
        evidence="""
        Closing evaluation by the Cape Centre and the alliance secretariat, summary attached;
        records of the five rounds; the signed settlement, summarised with the parties' consent.
        """,
        methods="""
        Separate listening sessions; a joint site visit; interest-based negotiation on a package
        of issues; a caucus for a group that was not formally a party.
        """,
        questions="""
        How do others hand a dialogue over to the body that has to live with the agreement?
        What should a facilitator stop doing, and when?
        """,
        cycle="limpopo-1",
        coauthors=("sipho", "marius"),
        lessons=(
            LessonSpec(
                "thandi",
                "Negotiating land, water and jobs together made a settlement possible",
                """
                Three earlier attempts dealt with one issue at a time and failed. In the package,
                each party could give on one issue to gain on another. The closing evaluation
                found this was the reason most often given, by all four parties, for agreeing.
                """,
                EVALUATED,
                PUB,
                24,
                (OBJ_MSP, OBJ_COMPLEXITY, LAND),
                comments=(
                    C(
                        "rafael",
                        10,
                        "In Pará the land and the environmental register are handled by "
                        "different offices, so nobody can make a package. Did the province have "
                        "to change anything to make this possible?",
                        (
                            C(
                                "thandi",
                                16,
                                "Yes: one official with a mandate from both departments. It took "
                                "eight months to get.",
                            ),
                        ),
                    ),
                ),
            ),
            LessonSpec(
                "sipho",
                "Walk the contested fences with every party on the same day",
                """
                Standing at a fence with the surveyor, the estate and the committee settled more
                in one day than two years of letters. We saw it again in the second walk, on the
                water furrows.
                """,
                REPEATED,
                PUB,
                48,
                (LAND, OBJ_MSP),
            ),
        ),
        comments=(
            C(
                "eva",
                12,
                "Congratulations to everyone in Letsitele. The foundation will use this "
                "evaluation in its board discussion on funding facilitation for longer periods.",
            ),
            C(
                "ana",
                30,
                "The workers' caucus is the part I will take to Pará: the people who work on "
                "the ranches are never in the room either.",
            ),
        ),
        reactions=(("eva", THANKS), ("rafael", INSIGHT), ("marites", LIKE)),
    ),
    # --- Ifugao ---------------------------------------------------------------------------
    NoteSpec(
        "ifugao-protocol",
        "ifugao",
        "benjie",
        "Writing our own consent protocol before the company comes",
        ALL,
        4,
        (OBJ_MSP, LAND, GENDER),
        context="""
        Our ancestral domain plan took four years. Now a hydropower company wants to build on a
        river inside the domain, and plans consultations run by a consultancy it pays. The
        national commission says the community's own process and the company's can be combined.
        """,
        tried="""
        Following Raimunda's experience in Pará, the community is writing its own consultation
        protocol before the company's process starts: sessions with the council of elders in
        Tuwali, then separately with women and with young people, then all together.
        """,
        happened="""
        The elders want the protocol to say that the community may say no, and that a no stands
        for five years. The women want consultations after the harvest, never during planting,
        and in the barangay, not the town hall. The young people's session is next week.
        """,
        learned="""
        Early days. Asking each group separately brought out conditions the elders had not
        thought of: the women spoke about time and place, which decide who can come at all.
        """,
        evidence="Notes of the two sessions, in Tuwali and English, read back to participants.",
        methods="""
        Community consultation protocol; separate sessions by group before a joint one;
        notes read back at the end of each session.
        """,
        questions="""
        Has anyone had a community protocol recognised by a company before its consultations
        began? Who should facilitate the joint session when the company pays the bill?
        """,
        cycle="ifugao-1",
        coauthors=("marites",),
        lessons=(
            LessonSpec(
                "benjie",
                "Ask women separately what consent must include",
                """
                The women raised the timing and place of consultations, which decide who can
                take part. The elders had not raised either.
                """,
                SINGLE,
                ALL,
                10,
            ),
        ),
        comments=(
            C(
                "raimunda",
                10,
                "Our protocol also says the company pays for the community's own adviser, "
                "chosen by the community. Put that in early.",
            ),
            C(
                "lucia",
                20,
                "In Petén the concessions' women insisted on meetings in the communities too. "
                "It changed who spoke.",
            ),
        ),
    ),
)

ADAPTATION = AdaptationSpec(
    "ghana-walk",
    "kwame",
    "akosua",
    PUB,
    20,
    "Removed names, the compartment and the stream; kept what happened and what we learned",
    (
        (
            "happened",
            """
            Within the first hour we found three cocoa farms inside the reserve line. Once the
            farms came into view the farmers went quiet. The guards were friendly, but their
            presence was enough: nobody argued, people simply stopped talking.

            In the women's session the next day nobody mentioned farms. The talk was about
            fuelwood and shea trees on the savannah side, which nobody had put on the forum's
            agenda. The women named places where shea trees are being cut for charcoal and asked
            the forum to invite the charcoal buyers.
            """,
        ),
        (
            "evidence",
            """
            Yaw's field notes and sketch map; photographs of pillars and farm edges, kept within
            the forum; notes of the women's session; the forest office's statement at the forum
            that nobody will be prosecuted for what was seen on the walk.
            """,
        ),
    ),
    "Read it with the two community facilitators: nothing in it points to a family or a farm "
    "any more. Approved for everyone.",
)

EVIDENCE: tuple[EvidenceSpec, ...] = (
    EvidenceSpec(
        "ghana-radio",
        "yaw",
        "The forest–savannah edge near Kintampo, where many of the callers farm",
        6,
        name="kintampo-forest-edge.jpg",
        photo="forest-edge",
    ),
    EvidenceSpec(
        "ghana-walk",
        "yaw",
        "A 1950s boundary pillar found on the walk (its location was removed on upload)",
        8,
        name="IMG_4117.jpg",
        photo="pillar",
        gps=(7.6412, -1.9087),
    ),
    EvidenceSpec(
        "tana-kiosks",
        "grace",
        "The lower-village kiosk intake, where the logger is installed (a public place, so its "
        "location is kept)",
        5,
        name="lower-kiosk-intake.jpg",
        photo="river",
        gps=(-0.9561, 36.8752),
        keep_location=True,
    ),
    EvidenceSpec(
        "tana-kiosks",
        "faith",
        "Kiosk record books: dry days per kiosk over two dry seasons",
        7,
        name="kiosk-dry-days.pdf",
        pdf=(
            "Gatanga Women's Water Committee - kiosk record books",
            "Dry days per kiosk, February, two dry seasons (from the record books)",
            "",
            "Kiosk                 Last year    This year",
            "Lower village         15 of 28     17 of 28",
            "Market                 5 of 28      4 of 28",
            "School                 3 of 28      4 of 28",
            "Upper village          2 of 28      3 of 28",
            "",
            "Dry days came in runs of three or four, mostly Thursday to Saturday.",
            "Kept by Faith Muthoni, treasurer. Checked against the SMS record.",
        ),
    ),
    EvidenceSpec(
        "peten-voice",
        "mateo",
        "Video: how a monitor records a voice note on patrol (4 min, Spanish with English "
        "subtitles)",
        10,
        url="https://video.demo.harambee.org/peten/voice-note-on-patrol",
    ),
    EvidenceSpec(
        "limpopo-closing",
        "thandi",
        "Citrus orchards in the Letsitele valley, now held by the community trust",
        4,
        name="letsitele-orchards.jpg",
        photo="orchard",
    ),
    EvidenceSpec(
        "limpopo-closing",
        "marius",
        "Closing evaluation of the Letsitele dialogue: summary of findings",
        9,
        name="letsitele-closing-evaluation.pdf",
        pdf=(
            "Letsitele restitution dialogue - closing evaluation (summary)",
            "Cape Centre for Complexity and Change with the Harambee Alliance Secretariat",
            "",
            "21 interviews with the restitution committee, the estate, farm workers'",
            "representatives and provincial officials; records of five negotiation rounds.",
            "",
            "1. Negotiating land, water rights and jobs as one package made trade-offs",
            "   possible; named by all four parties as the main reason for agreeing.",
            "2. The joint walk of the contested fences settled most boundary disputes.",
            "3. The workers' caucus, added after round three, kept the dialogue alive.",
            "",
            "Recommendation: fund facilitation for the whole period of a dialogue,",
            "not round by round.",
        ),
    ),
)

# Colours of the generated photos: sky at the top, sky at the horizon, far hills, near
# ground, trees.
PALETTES: dict[str, tuple[tuple[int, int, int], ...]] = {
    "forest-edge": ((112, 158, 206), (228, 224, 198), (96, 126, 90), (156, 146, 86), (44, 82, 42)),
    "pillar": ((146, 178, 212), (234, 228, 206), (86, 118, 78), (128, 104, 66), (36, 70, 38)),
    "river": ((92, 148, 210), (216, 230, 238), (68, 108, 78), (96, 128, 112), (50, 94, 54)),
    "orchard": ((78, 138, 214), (238, 230, 202), (150, 136, 104), (178, 150, 94), (40, 98, 42)),
}


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
        orgs = _load_organisations()
        people = _load_people(orgs, now)
        _say(stdout, "Spaces and members…")
        spaces = _load_spaces(people, now)
        _say(stdout, "Posts, comments and reactions…")
        _load_posts(people, spaces, now)
        _say(stdout, "Join requests and an invitation…")
        _load_requests(people, spaces, now)
        _say(stdout, "Initiatives, inquiry cycles, learning notes, lessons and evidence…")
        initiatives = _load_initiatives(people, orgs, spaces, now)
        notes = _load_inquiry(people, initiatives, now)
        _load_evidence(people, notes)
        _load_adaptation(people, notes, now)
        _say(stdout, "Stories and story calls…")
        load_stories(people, spaces, now)
        _say(stdout, "Forum and discussion threads…")
        load_threads(people, spaces, now)
        _say(stdout, "Knowledge base…")
        load_wiki(people, spaces, notes, now)
        _say(stdout, "Resource library and collections…")
        load_library(people, spaces, initiatives, now)
        _say(stdout, "Stream, hashtags and follows…")
        load_stream(people, spaces, now)
        _say(stdout, "Flags for moderators…")
        load_moderation(people, spaces, now)
        _say(stdout, "Theme syntheses and related experiences…")
        load_synthesis(people, now)
        _say(stdout, "Notifications…")
        load_notifications(people, now)
    counts = {
        "organisations": Organisation.objects.count(),
        "people": User.objects.count(),
        "spaces": Space.objects.count(),
        "memberships": Membership.objects.count(),
        "posts": Post.objects.count(),
        "comments": Comment.objects.count(),
        "reactions": Reaction.objects.count(),
        "join_requests": JoinRequest.objects.filter(status=JoinRequest.Status.PENDING).count(),
        "invitations": Invitation.objects.filter(used__isnull=True).count(),
        "initiatives": Initiative.objects.count(),
        "cycles": InquiryCycle.objects.count(),
        "notes": LearningNote.objects.count(),
        "lessons": Lesson.objects.count(),
        "attachments": Attachment.objects.count(),
        "stories": Story.objects.count(),
        "story_calls": StoryCall.objects.count(),
        "wiki_pages": WikiPage.objects.count(),
        "resources": Resource.objects.count(),
        "collections": Collection.objects.count(),
        "stream_posts": StreamPost.objects.count(),
    }
    _say(
        stdout,
        "Action inquiry: {initiatives} initiatives, {cycles} inquiry cycles, {notes} learning "
        "notes, {lessons} lessons, {attachments} pieces of evidence.".format(**counts),
    )
    return counts


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
        _threads(people, post, spec.comments, posted, latest)
        for key, kind in spec.reactions:
            reaction_toggle(user=people[key], content=post, type=kind)


def _threads(
    people: dict[str, User],
    content: Content,
    comments: tuple[C, ...],
    start: datetime,
    latest: datetime,
) -> None:
    for top in comments:
        when = min(start + timedelta(hours=top.hours), latest)
        comment = _comment(people, content, top, None, when)
        for reply in top.replies:
            when = min(start + timedelta(hours=reply.hours), latest)
            _comment(people, content, reply, comment, when)


def _comment(
    people: dict[str, User], content: Content, spec: C, parent: Comment | None, when: datetime
) -> Comment:
    comment = comment_create(
        author=people[spec.author], content=content, body=spec.body, parent=parent
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


def _mix(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, int, int]:
    r, g, bl = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return r, g, bl


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 2)
    return float(degrees), float(minutes), seconds


def demo_photo(palette: str, *, gps: tuple[float, float] | None = None) -> bytes:
    """A landscape-like JPEG, drawn the same way every time. With ``gps``, the EXIF
    carries a location, as a phone camera's photo does."""
    from PIL import Image, ImageDraw

    sky_top, horizon, far, near, trees = PALETTES[palette]
    width, height = 1200, 800
    sky = height * 11 // 20
    column = Image.new("RGB", (1, height))
    column.putdata([_mix(sky_top, horizon, min(y / sky, 1.0)) for y in range(height)])
    image = column.resize((width, height))
    draw = ImageDraw.Draw(image)
    ridges = []
    for layer, (colour, base, amplitude, period) in enumerate(
        ((far, 0.56, 0.07, 170.0), (near, 0.7, 0.035, 110.0))
    ):
        ridge = [
            (x, height * base - height * amplitude * math.sin(x / period + 1.7 * layer))
            for x in range(0, width + 20, 20)
        ]
        draw.polygon([*ridge, (width, height), (0, height)], fill=colour)
        ridges.append(ridge)
    # A line of tree crowns along the near ridge, and the ground darkening towards the camera.
    for k in range(16):
        x = (k * 149 + 37) % width
        y = ridges[1][x // 20][1]
        r = 16 + (k * 7) % 18
        draw.ellipse((x - r, y - 2.2 * r, x + r, y + 4), fill=trees)
        draw.line((x, y - 6, x, y + 10), fill=(70, 54, 36), width=4)
    for band in range(6):
        top = int(height * (0.8 + band * 0.035))
        draw.rectangle((0, top, width, height), fill=_mix(near, (60, 52, 40), 0.12 * (band + 1)))
    if palette == "pillar":
        # A weathered concrete boundary pillar in the foreground.
        draw.polygon(((560, 560), (640, 560), (630, 760), (570, 760)), fill=(188, 184, 172))
        draw.polygon(((560, 560), (600, 540), (640, 560)), fill=(206, 202, 190))
        draw.line((575, 610, 625, 610), fill=(150, 146, 136), width=3)
    elif palette == "forest-edge":
        # The reserve: closed forest on the far ridge, thinning out towards the savannah.
        for k in range(60):
            x = (k * 13 + (k * k) % 11) % 760
            y = ridges[0][x // 20][1]
            r = 22 + (k * 5) % 14
            draw.ellipse((x - r, y - 1.6 * r, x + r, y + 0.6 * r), fill=_mix(trees, far, 0.25))
    elif palette == "river":
        # The river winding towards the camera.
        bank = [(520 + 120 * math.sin(y / 60), y) for y in range(560, height + 10, 10)]
        draw.polygon(
            [*bank, *[(x + 40 + (y - 560) * 0.9, y) for x, y in reversed(bank)]],
            fill=(120, 158, 182),
        )
    elif palette == "orchard":
        # Rows of citrus trees running into the distance.
        for row in range(5):
            y = 600 + row * 45
            r = 9 + row * 5
            for x in range(-40 + row * 17, width + 40, 60 + row * 22):
                draw.ellipse(
                    (x - r, y - 1.6 * r, x + r, y), fill=_mix(trees, (30, 70, 30), row / 6)
                )
    exif = Image.Exif()
    exif[0x010F] = "Tecno"  # camera make
    exif[0x0110] = "Spark 10"  # camera model
    if gps is not None:
        latitude, longitude = gps
        exif[0x8825] = {
            1: "N" if latitude >= 0 else "S",
            2: _dms(latitude),
            3: "E" if longitude >= 0 else "W",
            4: _dms(longitude),
        }
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


def demo_pdf(lines: tuple[str, ...]) -> bytes:
    """A small, valid one-page PDF: the first line as its title, the rest as text."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    title, *rest = lines
    ops = ["BT", "/F1 15 Tf", "60 780 Td", f"({escape(title)}) Tj", "/F2 10.5 Tf", "0 -30 Td"]
    for line in rest:
        ops += [f"({escape(line)}) Tj", "0 -16 Td"]
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _load_initiatives(
    people: dict[str, User],
    orgs: dict[str, Organisation],
    spaces: dict[str, Space],
    now: datetime,
) -> dict[str, Initiative]:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    leads = {spec.key: people[spec.lead] for spec in SPACES}
    initiatives: dict[str, Initiative] = {}
    for spec in INITIATIVES:
        space = spaces[spec.space]
        lead = leads[spec.space]
        today = now.date()
        initiative = inquiry.initiative_update(
            actor=lead,
            initiative=Initiative.objects.get(space=space),
            themes=[themes[slug] for slug in spec.themes],
            summary=spec.summary,
            countries=list(spec.countries),
            place=spec.place,
            latitude=Decimal(spec.latitude),
            longitude=Decimal(spec.longitude),
            issue_areas=spec.issue_areas,
            stage=spec.stage,
            started=today - timedelta(days=spec.started_days_ago),
            ended=(
                today - timedelta(days=spec.ended_days_ago)
                if spec.ended_days_ago is not None
                else None
            ),
            links="\n".join(spec.links),
        )
        for org_key, role in spec.stakeholders:
            inquiry.stakeholder_set(
                actor=lead, initiative=initiative, organisation=orgs[org_key], role=role
            )
        initiatives[spec.space] = initiative
    return initiatives


def _load_inquiry(
    people: dict[str, User], initiatives: dict[str, Initiative], now: datetime
) -> dict[str, LearningNote]:
    latest = now - timedelta(minutes=10)
    themes = {theme.slug: theme for theme in Theme.objects.all()}

    def day(days_ago: int | None) -> date | None:
        return None if days_ago is None else (now - timedelta(days=days_ago)).date()

    cycles: dict[str, InquiryCycle] = {}
    for n, spec in enumerate(CYCLES):
        recorded = now - timedelta(days=spec.days_ago, hours=(n * 5) % 9)
        cycle = inquiry.cycle_create(
            author=people[spec.author],
            initiative=initiatives[spec.space],
            title=spec.question,
            visibility=spec.visibility,
            body=_text(spec.body),
            status=spec.status,
            started=day(spec.started_days_ago),
            ended=day(spec.ended_days_ago),
        )
        if spec.coauthors:
            cycle.coauthors.add(*(people[key] for key in spec.coauthors))
        _backdate(Content, cycle.pk, recorded, "created", "updated")
        for m, phase in enumerate(spec.phases):
            phase_note = inquiry.phase_note_add(
                author=people[phase.author],
                cycle=cycle,
                phase=phase.phase,
                date=day(phase.days_ago),
                body=_text(phase.body),
            )
            # Notes from before the cycle was written up were typed in when it was.
            written = now - timedelta(days=phase.days_ago) + timedelta(hours=7)
            written = min(max(written, recorded + timedelta(minutes=5 * (m + 1))), latest)
            _backdate(PhaseNote, phase_note.pk, written, "created")
        _threads(people, cycle, spec.comments, recorded, latest)
        cycles[spec.key] = cycle

    notes: dict[str, LearningNote] = {}
    for n, spec in enumerate(NOTES):
        written = now - timedelta(days=spec.days_ago, hours=(n * 7) % 11)
        note = inquiry.note_create(
            author=people[spec.author],
            initiative=initiatives[spec.space],
            title=spec.title,
            visibility=spec.visibility,
            themes=[themes[slug] for slug in spec.themes],
            coauthors=[people[key] for key in spec.coauthors],
            cycle=cycles[spec.cycle] if spec.cycle else None,
            **{name: _text(getattr(spec, name)) for name in inquiry.SECTION_NAMES},
        )
        _backdate(Content, note.pk, written, "created", "updated")
        NoteRevision.objects.filter(note=note).update(created=written)
        for lesson_spec in spec.lessons:
            lesson_written = min(written + timedelta(hours=lesson_spec.hours), latest)
            lesson = inquiry.lesson_create(
                author=people[lesson_spec.author],
                note=note,
                title=lesson_spec.title,
                body=_text(lesson_spec.body),
                strength=lesson_spec.strength,
                visibility=lesson_spec.visibility,
                themes=[themes[slug] for slug in lesson_spec.themes] or None,
            )
            _backdate(Content, lesson.pk, lesson_written, "created", "updated")
            _threads(people, lesson, lesson_spec.comments, lesson_written, latest)
        _threads(people, note, spec.comments, written, latest)
        for key, kind in spec.reactions:
            reaction_toggle(user=people[key], content=note, type=kind)
        if spec.edit is not None:
            # A fresh copy, so the backdated timestamps are not written back.
            note = LearningNote.objects.get(pk=note.pk)
            edited = min(written + timedelta(days=spec.edit.days_later, hours=3), latest)
            inquiry.note_update(
                actor=people[spec.edit.by],
                note=note,
                summary=spec.edit.summary,
                **{
                    section: _append(getattr(note, section), _text(paragraph))
                    for section, paragraph in spec.edit.additions
                },
            )
            _backdate(Content, note.pk, edited, "updated")
            note.revisions.filter(number__gt=1).update(created=edited)
        notes[spec.key] = LearningNote.objects.get(pk=note.pk)
    return notes


def _append(text: str, addition: str) -> str:
    """A paragraph after the text, or one more item when both end and start a list."""
    last_line = text.rstrip().splitlines()[-1] if text.strip() else ""
    joined = last_line.startswith("- ") or last_line.startswith("  ")
    separator = "\n" if joined and addition.startswith("- ") else "\n\n"
    return f"{text.rstrip()}{separator}{addition}"


def _load_evidence(people: dict[str, User], notes: dict[str, LearningNote]) -> None:
    for spec in EVIDENCE:
        note = notes[spec.note]
        if spec.url:
            attachment = attachment_add(
                actor=people[spec.by], content=note, url=spec.url, caption=spec.caption
            )
        else:
            if spec.photo:
                data, mime = demo_photo(spec.photo, gps=spec.gps), "image/jpeg"
            else:
                data, mime = demo_pdf(spec.pdf), "application/pdf"
            attachment = attachment_add(
                actor=people[spec.by],
                content=note,
                upload=SimpleUploadedFile(spec.name, data, content_type=mime),
                caption=spec.caption,
                keep_location=spec.keep_location,
            )
        _backdate(Attachment, attachment.pk, note.created + timedelta(hours=spec.hours), "created")


def _load_adaptation(
    people: dict[str, User], notes: dict[str, LearningNote], now: datetime
) -> None:
    """A restricted note made shareable: copied by a lead, reworded, sent for review and
    approved by the space's facilitator. The original stays as restricted as it was."""
    spec = ADAPTATION
    original = notes[spec.note]
    adapter, reviewer = people[spec.by], people[spec.reviewer]
    started = now - timedelta(days=spec.days_ago, hours=4)
    adaptation = inquiry.adaptation_start(
        actor=adapter, original=original, target_visibility=spec.target
    )
    copy = LearningNote.objects.get(pk=adaptation.adapted_id)
    inquiry.note_update(
        actor=adapter,
        note=copy,
        summary=spec.summary,
        cycle=original.cycle,
        **{section: _text(text) for section, text in spec.changes},
    )
    adaptation = inquiry.adaptation_submit(actor=adapter, adaptation=adaptation)
    inquiry.adaptation_decide(
        actor=reviewer, adaptation=adaptation, approve=True, comment=spec.comment
    )
    edited, decided = started + timedelta(minutes=40), started + timedelta(days=1, hours=2)
    _backdate(Content, copy.pk, started, "created")
    _backdate(Content, copy.pk, decided, "updated")
    copy.revisions.filter(number=1).update(created=started)
    copy.revisions.filter(number__gt=1).update(created=edited)
    Adaptation.objects.filter(pk=adaptation.pk).update(created=started, reviewed=decided)
