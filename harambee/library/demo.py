"""The demo alliance's resource library: toolkits, reports, position papers, videos,
radio recordings and datasets in several languages, some only for a space or still
private; a toolkit in its second version; download counts; and collections, among
them a training pack that also lists the knowledge base's pages when they exist.

Files are made in code (``demo_pdf``, ``demo_photo``); links use reserved
``.example`` domains. Called by ``core.demo.load_demo`` after the wiki's demo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from textwrap import dedent
from typing import Any

from django.core.files.base import ContentFile

from harambee.core.models import Content
from harambee.core.services import comment_create, reaction_toggle
from harambee.core.visibility import can_view
from harambee.library import services
from harambee.library.models import Resource, ResourceVersion

# Titles of knowledge-base pages a training pack on multi-stakeholder processes
# would point to; those the wiki's demo made are added, in this order.
TRAINING_WIKI_TITLES = {
    "Multi-stakeholder partnership": "What a multi-stakeholder partnership is, and is not.",
    "Multi-stakeholder processes": "The phases of a process, from initiating to monitoring.",
    "Stakeholder mapping": "The method behind the toolkit's worksheets.",
    "Power cube": "Read before worksheet 2: the kinds of power the grid leaves out.",
    "Rich pictures": "A way to draw the situation with everyone before naming problems.",
    "Problem tree": "From symptoms to causes, together.",
    "Theory of change": "How the group writes down what it expects to change, and why.",
    "Action inquiry": "How initiatives in the alliance learn as they act.",
    "Appreciative inquiry": "Start from what already works.",
    "Open space technology": "For a large first meeting with an open agenda.",
    "Fishbowl conversation": "When a few must talk and many must listen.",
}


@dataclass(frozen=True)
class Spec:
    key: str
    title: str
    type: str
    author: str
    body: str
    languages: tuple[str, ...]
    year: int
    visibility: str = "public"
    space: str | None = None
    licence: str = Resource.Licence.CC_BY
    pdf: tuple[str, ...] = ()
    photo: str = ""
    link: str = ""
    author_names: str = ""
    coauthors: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    downloads: int = 0
    days_ago: int = 30


RESOURCES: tuple[Spec, ...] = (
    Spec(
        key="mapping",
        title="Stakeholder mapping toolkit",
        type="toolkit",
        author="amara",
        coauthors=("lindiwe",),
        body="""
            A practical toolkit for the first weeks of a multi-stakeholder process: who is
            affected, who decides, who is missing from the table, and how they relate.

            It contains four worksheets (actor listing, power and interest grid, relationship
            map, and a "who is not here" check) and a short guide for facilitating each one
            in a workshop of two to three hours. Tested in Ghana, Kenya and Guatemala.
        """,
        languages=("en",),
        year=2024,
        pdf=(
            "Stakeholder mapping toolkit",
            "Harambee Alliance Secretariat, with the Cape Centre for Complexity and Change",
            "",
            "1. Actor listing: everyone who affects or is affected by the issue.",
            "2. Power and interest grid: where each actor stands, and why.",
            "3. Relationship map: alliances, tensions, silences.",
            "4. Who is not here? The voices the process still misses.",
        ),
        orgs=("secretariat", "cape"),
        themes=("multi-stakeholder-processes", "governance-accountability"),
        initiatives=("ghana", "tana", "peten"),
        downloads=143,
        days_ago=210,
    ),
    Spec(
        key="mapping-fr",
        title="Boîte à outils : cartographie des parties prenantes",
        type="toolkit",
        author="noor",
        body="""
            La version française de la boîte à outils de cartographie des parties prenantes :
            quatre fiches de travail et un guide pour les animer en atelier.
        """,
        languages=("fr",),
        year=2024,
        pdf=(
            "Cartographie des parties prenantes",
            "Fiches de travail et guide d'animation",
            "",
            "1. Liste des acteurs.",
            "2. Grille pouvoir et intérêt.",
            "3. Carte des relations.",
            "4. Qui n'est pas là ?",
        ),
        orgs=("secretariat",),
        themes=("multi-stakeholder-processes",),
        downloads=38,
        days_ago=160,
    ),
    Spec(
        key="dialogo",
        title="Caja de herramientas para el diálogo entre actores",
        type="training",
        author="lucia",
        body="""
            Material de capacitación para facilitar diálogos entre comunidades, empresas y
            gobierno local: acuerdos de convivencia, escucha activa y manejo de conflictos.
        """,
        languages=("es",),
        year=2023,
        pdf=(
            "Diálogo entre actores",
            "Red Comunitaria Forestal del Petén",
            "",
            "Módulo 1: Acuerdos para dialogar.",
            "Módulo 2: Escuchar para entender.",
            "Módulo 3: Cuando el conflicto sube.",
        ),
        orgs=("peten",),
        themes=("multi-stakeholder-processes", "forests-land-use"),
        downloads=57,
        days_ago=300,
    ),
    Spec(
        key="radio",
        title="Radio programme: 'Our forest, our future', episode 12",
        type="audio",
        author="kofi",
        space="ghana",
        body="""
            Recording of the call-in programme on Bono Community Radio in which farmers,
            the District Forest Officer and a cocoa buyer discussed the boundary walk and the
            shade-tree register. In Twi, with a short English summary at the start.
        """,
        languages=("tw", "en"),
        year=2025,
        link="https://media.bonoradio.example/programmes/our-forest-our-future/12.mp3",
        orgs=("radio",),
        themes=("forests-land-use",),
        initiatives=("ghana",),
        days_ago=40,
    ),
    Spec(
        key="tana-data",
        title="Upper Tana river flow and abstraction dataset 2015-2024",
        type="dataset",
        author="otieno",
        space="tana",
        body="""
            Monthly river flow at four gauging stations and registered abstraction by permit
            holders, cleaned and joined by the Water Resources Office. The PDF is the
            codebook; the data itself is on the county's open data portal.
        """,
        languages=("en",),
        year=2025,
        pdf=(
            "Upper Tana flow and abstraction: codebook",
            "Upper Tana Water Resources Office",
            "",
            "station_id  gauging station (4GB01, 4BE01, 4CB04, 4DA10)",
            "month       first day of the month, ISO 8601",
            "flow_m3s    mean flow in cubic metres per second",
            "abstr_m3d   registered abstraction, cubic metres per day",
        ),
        link="https://data.tana-county.example/datasets/upper-tana-flow-2015-2024",
        orgs=("tana",),
        themes=("water-sanitation", "climate-adaptation"),
        initiatives=("tana",),
        downloads=61,
        days_ago=75,
    ),
    Spec(
        key="mwongozo",
        title="Mwongozo wa mazungumzo ya wadau wa maji",
        type="training",
        author="grace",
        space="tana",
        visibility="space",
        body="""
            Mwongozo mfupi wa kuendesha mikutano ya wadau wa maji katika ngazi ya kijiji:
            maandalizi, kanuni za mazungumzo, na jinsi ya kuandika makubaliano.
        """,
        languages=("sw",),
        year=2024,
        pdf=(
            "Mwongozo wa mazungumzo ya wadau wa maji",
            "Kamati ya Maji ya Wanawake Gatanga",
            "",
            "1. Maandalizi ya mkutano.",
            "2. Kanuni za mazungumzo.",
            "3. Kuandika makubaliano.",
        ),
        orgs=("gatanga",),
        themes=("water-sanitation", "gender-inclusion"),
        initiatives=("tana",),
        downloads=12,
        days_ago=120,
    ),
    Spec(
        key="tenure",
        title="Position paper: Secure tenure before carbon deals",
        type="position_paper",
        author="ana",
        space="land",
        visibility="alliance",
        coauthors=("lucia",),
        body="""
            The land rights working group's position: no carbon or offset agreement on
            community land before tenure is recognised in the register, free, prior and
            informed consent is documented, and benefit sharing is agreed in writing.
        """,
        languages=("en", "pt"),
        year=2025,
        pdf=(
            "Secure tenure before carbon deals",
            "Position of the land rights and tenure working group",
            "",
            "1. Recognise tenure in the register first.",
            "2. Document free, prior and informed consent.",
            "3. Agree benefit sharing in writing, before any sale.",
        ),
        orgs=("terra", "peten"),
        themes=("land-rights", "climate-adaptation"),
        initiatives=("para", "peten"),
        downloads=29,
        days_ago=20,
    ),
    Spec(
        key="para",
        title="Posição: regularização fundiária quilombola no Pará",
        type="position_paper",
        author="ana",
        space="para",
        visibility="space",
        body="""
            Rascunho da posição das comunidades quilombolas sobre o cadastro de terras no
            Pará, para discussão no espaço antes de ser publicado.
        """,
        languages=("pt",),
        year=2025,
        pdf=(
            "Regularização fundiária quilombola no Pará",
            "Rascunho para discussão",
            "",
            "1. O cadastro atual e suas lacunas.",
            "2. O que as comunidades pedem.",
        ),
        orgs=("terra",),
        themes=("land-rights",),
        initiatives=("para",),
        days_ago=8,
    ),
    Spec(
        key="fire-video",
        title="Video: community fire brigades in the Petén",
        type="video",
        author="ingrid",
        space="peten",
        body="""
            Twelve minutes with the fire brigades of three concessions: the patrol routes,
            the radio network and how monitoring data reaches the protected-areas council.
        """,
        languages=("es", "en"),
        year=2023,
        link="https://video.peten-forests.example/brigadas-comunitarias",
        author_names="Mateo Caal, Red Comunitaria Forestal del Petén",
        orgs=("peten",),
        themes=("forests-land-use", "climate-adaptation"),
        initiatives=("peten",),
        days_ago=260,
    ),
    Spec(
        key="fire-guide",
        title="Guía de monitoreo comunitario de incendios",
        type="training",
        author="ingrid",
        space="peten",
        body="""
            Guía paso a paso para organizar patrullas, registrar focos de calor y compartir
            los datos con el consejo de áreas protegidas.
        """,
        languages=("es",),
        year=2024,
        pdf=(
            "Monitoreo comunitario de incendios",
            "Guía para brigadas",
            "",
            "1. Organizar la patrulla.",
            "2. Registrar focos de calor.",
            "3. Compartir los datos.",
        ),
        orgs=("peten",),
        themes=("forests-land-use",),
        initiatives=("peten",),
        downloads=44,
        days_ago=180,
    ),
    Spec(
        key="cohort-slides",
        title="Cohort 3, module 2: designing the process (slides)",
        type="presentation",
        author="marites",
        space="programme",
        visibility="space",
        body="The slides of the second module of the training programme, for participants.",
        languages=("en",),
        year=2025,
        pdf=(
            "Module 2: designing the process",
            "Facilitating multi-stakeholder change, cohort 3",
            "",
            "Phases: initiating, adaptive planning, collaborative action, reflective monitoring.",
            "Exercise: draw your process on one page.",
        ),
        themes=("multi-stakeholder-processes",),
        downloads=18,
        days_ago=14,
    ),
    Spec(
        key="boundary-photo",
        title="Poster: the boundary walk in Bono East",
        type="presentation",
        author="akosua",
        space="ghana",
        body="""
            The poster shown at the district assembly: the route of the joint boundary walk,
            with the forest edge as farmers and forest officers saw it together.
        """,
        languages=("en", "tw"),
        year=2025,
        photo="forest-edge",
        orgs=("ffg", "bono"),
        themes=("forests-land-use", "multi-stakeholder-processes"),
        initiatives=("ghana",),
        downloads=9,
        days_ago=55,
    ),
    Spec(
        key="steering-review",
        title="Annual learning review 2025 (steering group draft)",
        type="report",
        author="esi",
        space="steering",
        visibility="space",
        body="The steering group's draft of the annual learning review, before it goes out.",
        languages=("en",),
        year=2025,
        pdf=(
            "Annual learning review 2025",
            "Draft for the steering group",
            "",
            "What the initiatives learned, what the alliance changed, what comes next.",
        ),
        orgs=("secretariat",),
        days_ago=5,
    ),
    Spec(
        key="synthesis-draft",
        title="Synthesis: how initiatives brought government to the table (draft)",
        type="report",
        author="amara",
        visibility="private",
        body="A private draft, gathering the answers to the story call before review.",
        languages=("en",),
        year=2026,
        pdf=(
            "How initiatives brought government to the table",
            "Private draft",
            "",
            "Pattern 1: a trusted convenor.",
            "Pattern 2: a concrete shared problem.",
        ),
        themes=("governance-accountability",),
        days_ago=2,
    ),
    Spec(
        key="maha-report",
        title="Women's voices in watershed committees: field report",
        type="report",
        author="meena",
        space="maha",
        coauthors=("priya",),
        body="""
            Who speaks, who is heard and what changed after the committees reserved half of
            their seats for women: observations from twelve villages over two years.
        """,
        languages=("en", "hi"),
        year=2024,
        pdf=(
            "Women's voices in watershed committees",
            "Field report, Ahmednagar district",
            "",
            "Twelve villages, two years, 86 committee meetings observed.",
            "Finding: seats were not enough; meeting times and places mattered more.",
        ),
        orgs=("deccan",),
        themes=("gender-inclusion", "water-sanitation"),
        initiatives=("maha",),
        downloads=77,
        days_ago=140,
    ),
    Spec(
        key="maha-data",
        title="Ahmednagar village water budgets dataset",
        type="dataset",
        author="suresh",
        space="maha",
        visibility="alliance",
        body="Village water budgets for 2022-2025, as prepared by the committees.",
        languages=("en", "hi"),
        year=2025,
        link="https://data.deccan-rural.example/water-budgets/ahmednagar",
        orgs=("deccan",),
        themes=("water-sanitation",),
        initiatives=("maha",),
        days_ago=35,
    ),
    Spec(
        key="consent",
        title="Ifugao free, prior and informed consent protocol: a template",
        type="toolkit",
        author="marites",
        space="ifugao",
        body="""
            The community's own consent protocol, turned into a template other ancestral
            domains can adapt: who must be asked, in which language, with how much time.
        """,
        languages=("en", "tl"),
        year=2024,
        pdf=(
            "Consent protocol template",
            "Adapted from the Ifugao ancestral domain protocol",
            "",
            "1. Who must be asked.",
            "2. In which language, with how much time.",
            "3. How a decision is recorded.",
        ),
        themes=("land-rights", "governance-accountability"),
        initiatives=("ifugao",),
        downloads=52,
        days_ago=190,
    ),
    Spec(
        key="limpopo-audio",
        title="Letsitele valley dialogue, session 3: audio minutes",
        type="audio",
        author="marius",
        space="limpopo",
        visibility="space",
        body="Audio minutes of the third dialogue session, for the participants only.",
        languages=("en", "zu"),
        year=2025,
        link="https://media.letsitele-dialogue.example/session-3.ogg",
        themes=("land-rights",),
        initiatives=("limpopo",),
        days_ago=25,
    ),
    Spec(
        key="literature",
        title="Power, voice and inclusion in multi-stakeholder processes: literature review",
        type="report",
        author="femke",
        space="research",
        visibility="alliance",
        coauthors=("arjun",),
        licence=Resource.Licence.CC_BY_NC,
        body="""
            A review of 64 studies on power in multi-stakeholder processes: what makes
            participation real, and what turns it into a performance.
        """,
        languages=("en",),
        year=2024,
        pdf=(
            "Power, voice and inclusion in multi-stakeholder processes",
            "A literature review",
            "",
            "64 studies, 2000-2024.",
            "Three conditions recur: real stakes, early access, and the right to say no.",
        ),
        orgs=("lindenhof", "deccan"),
        themes=("multi-stakeholder-processes", "gender-inclusion"),
        downloads=96,
        days_ago=230,
    ),
    Spec(
        key="cartografia",
        title="Manual de cartografia participativa",
        type="training",
        author="rafael",
        body="""
            Manual para mapear territórios com as comunidades: do croqui à mão ao mapa com
            GPS, e como levar o mapa ao cadastro.
        """,
        languages=("pt", "es"),
        year=2022,
        pdf=(
            "Cartografia participativa",
            "Instituto Terra Comum",
            "",
            "1. O croqui da comunidade.",
            "2. Pontos com GPS.",
            "3. Do mapa ao cadastro.",
        ),
        orgs=("terra",),
        themes=("land-rights", "forests-land-use"),
        downloads=64,
        days_ago=400,
    ),
    Spec(
        key="complexity",
        title="Complexity thinking for facilitators: a short introduction",
        type="training",
        author="lindiwe",
        space="circle",
        body="""
            Ten pages on why plans meet surprises in multi-stakeholder work, and how
            facilitators can probe, sense and respond instead of pushing a blueprint.
        """,
        languages=("en", "fr"),
        year=2023,
        pdf=(
            "Complexity thinking for facilitators",
            "A short introduction",
            "",
            "Simple, complicated, complex: why the difference matters.",
            "Probe, sense, respond.",
        ),
        orgs=("cape",),
        themes=("complexity-thinking", "multi-stakeholder-processes"),
        downloads=88,
        days_ago=280,
    ),
    Spec(
        key="enabling",
        title="Brief: enabling conditions for multi-stakeholder change",
        type="position_paper",
        author="thandi",
        space="leaders",
        visibility="alliance",
        body="""
            What leaders in government, business and civil society can do to make
            multi-stakeholder processes possible: mandate, time, money and protection.
        """,
        languages=("en",),
        year=2025,
        pdf=(
            "Enabling conditions for multi-stakeholder change",
            "A brief for leaders",
            "",
            "Mandate. Time. Money. Protection for those who speak up.",
        ),
        orgs=("cape", "lindenhof"),
        themes=("leadership-enabling-conditions",),
        downloads=31,
        days_ago=60,
    ),
    Spec(
        key="cocoa",
        title="Cocoa sourcing and forest commitments: company briefing",
        type="presentation",
        author="nana",
        licence=Resource.Licence.ALL_RIGHTS,
        body="""
            GreenLeaf's briefing for the forum on how its sourcing rules handle shade trees,
            farm boundaries and deforestation alerts.
        """,
        languages=("en",),
        year=2025,
        pdf=(
            "Cocoa sourcing and forest commitments",
            "GreenLeaf Cocoa Sourcing",
            "",
            "Shade trees, farm boundaries and deforestation alerts.",
        ),
        orgs=("greenleaf",),
        themes=("food-agriculture", "forests-land-use"),
        initiatives=("ghana",),
        downloads=15,
        days_ago=90,
    ),
    Spec(
        key="water-video",
        title="Mapping water users: training video with Kiswahili subtitles",
        type="video",
        author="brian",
        space="tana",
        body="A twenty-minute training video on mapping water users along a river.",
        languages=("sw", "en"),
        year=2024,
        link="https://video.tana-water.example/mapping-water-users",
        themes=("water-sanitation", "multi-stakeholder-processes"),
        initiatives=("tana",),
        days_ago=100,
    ),
)


def _text(body: str) -> str:
    return dedent(body).strip()


def _safe_name(title: str, extension: str) -> str:
    stem = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    return f"{'-'.join(part for part in stem.split('-') if part)[:50]}.{extension}"


def _upload(spec: Spec) -> ContentFile | None:
    from harambee.core.demo import demo_pdf, demo_photo

    if spec.pdf:
        return ContentFile(demo_pdf(spec.pdf), name=_safe_name(spec.title, "pdf"))
    if spec.photo:
        return ContentFile(demo_photo(spec.photo), name=_safe_name(spec.title, "jpg"))
    return None


def _resource(
    spec: Spec,
    people: dict[str, Any],
    spaces: dict[str, Any],
    initiatives: dict[str, Any],
    orgs: dict[str, Any],
    themes: dict[str, Any],
) -> Resource:
    return services.resource_create(
        author=people[spec.author],
        space=spaces[spec.space] if spec.space else None,
        title=spec.title,
        resource_type=spec.type,
        body=_text(spec.body),
        visibility=spec.visibility,
        link=spec.link,
        upload=_upload(spec),
        version_note="First edition" if spec.pdf or spec.photo else "",
        author_names=spec.author_names,
        coauthors=[people[key] for key in spec.coauthors],
        organisations=[orgs[key] for key in spec.orgs],
        languages=list(spec.languages),
        licence=spec.licence,
        year=spec.year,
        themes=[themes[slug] for slug in spec.themes],
        initiatives=[initiatives[key] for key in spec.initiatives],
    )


def _count_downloads(resource: Resource, total: int) -> None:
    """Spread ``total`` over the versions, the current one taking most."""
    versions = list(resource.versions.order_by("number"))
    if not versions or not total:
        return
    left = total
    for version in versions[:-1]:
        share = total // (3 * len(versions))
        ResourceVersion.objects.filter(pk=version.pk).update(download_count=share)
        left -= share
    ResourceVersion.objects.filter(pk=versions[-1].pk).update(download_count=left)
    Resource.objects.filter(pk=resource.pk).update(download_count=total)


def _organisations() -> dict[str, Any]:
    """The demo's organisations by their keys in ``core.demo.ORGANISATIONS``."""
    from harambee.core.demo import ORGANISATIONS
    from harambee.people.models import Organisation

    by_name = {org.name: org for org in Organisation.objects.all()}
    return {spec.key: by_name[spec.name] for spec in ORGANISATIONS if spec.name in by_name}


def load_library(
    people: dict[str, Any], spaces: dict[str, Any], initiatives: dict[str, Any], now: datetime
) -> None:
    from harambee.core.demo import demo_pdf
    from harambee.initiatives.models import Theme
    from harambee.wiki.models import WikiPage

    orgs = _organisations()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    made: dict[str, Resource] = {}
    for spec in RESOURCES:
        resource = _resource(spec, people, spaces, initiatives, orgs, themes)
        when = now - timedelta(days=spec.days_ago)
        Content.objects.filter(pk=resource.pk).update(created=when, updated=when)
        made[spec.key] = resource

    # The toolkit's second edition: the first stays downloadable.
    toolkit = made["mapping"]
    second = services.resource_version_add(
        actor=people["amara"],
        resource=toolkit,
        upload=ContentFile(
            demo_pdf(
                (
                    "Stakeholder mapping toolkit, second edition",
                    "Harambee Alliance Secretariat, with the Cape Centre for Complexity and Change",
                    "",
                    "1. Actor listing: everyone who affects or is affected by the issue.",
                    "2. Power and interest grid: where each actor stands, and why.",
                    "3. Relationship map: alliances, tensions, silences.",
                    "4. Who is not here? The voices the process still misses.",
                    "5. New: a worksheet for revisiting the map after six months.",
                )
            ),
            name="stakeholder-mapping-toolkit-2.pdf",
        ),
        note="Added a worksheet for revisiting the map after six months; fixed the grid's labels.",
    )
    ResourceVersion.objects.filter(pk=second.pk).update(created=now - timedelta(days=30))
    for spec in RESOURCES:
        _count_downloads(made[spec.key], spec.downloads)

    comment_create(
        author=people["otieno"],
        content=toolkit,
        body="We used the 'who is not here' sheet in Gatanga: it is how the women's "
        "committee ended up at the table.",
    )
    comment_create(
        author=people["ingrid"],
        content=toolkit,
        body="The Spanish version of the grid is in the dialogue toolkit, module 1.",
    )
    for key in ("kwame", "lucia", "arjun"):
        reaction_toggle(user=people[key], content=toolkit, type="insightful")
    reaction_toggle(user=people["akosua"], content=made["fire-video"], type="thanks")

    _load_collections(people, spaces, made, WikiPage)


def _load_collections(
    people: dict[str, Any], spaces: dict[str, Any], made: dict[str, Resource], wiki_page: Any
) -> None:
    # The training programme's facilitator curates the pack, so it can hold the
    # cohort's own slides: readers outside the cohort do not see that entry at all.
    curator = people["marites"]
    pack = services.collection_create(
        author=curator,
        space=None,
        title="Training pack on multi-stakeholder processes",
        body=_text("""
            Everything a new facilitator needs for the first three months of a
            multi-stakeholder process, in the order we suggest reading it. Some items are
            only for participants of the training programme: you see those if you are one.
        """),
        visibility="public",
    )
    entries = [
        ("complexity", "Start here: why a blueprint will not survive the first meeting."),
        ("mapping", "The core toolkit. Do worksheets 1 and 4 before your first workshop."),
        ("mapping-fr", "The same toolkit in French."),
        ("dialogo", "For Spanish-speaking groups: agreements and listening exercises."),
        ("cohort-slides", "Participants of cohort 3: the slides of module 2."),
        ("literature", "Background reading on power and inclusion."),
        ("enabling", "To share with the leaders who mandate your process."),
    ]
    for key, note in entries:
        services.collection_entry_add(actor=curator, collection=pack, item=made[key], note=note)
    pages = {p.title: p for p in wiki_page.objects.filter(title__in=list(TRAINING_WIKI_TITLES))}
    for title, note in TRAINING_WIKI_TITLES.items():
        page = pages.get(title)
        if page is not None and can_view(curator, page):
            services.collection_entry_add(actor=curator, collection=pack, item=page, note=note)

    land = services.collection_create(
        author=people["ana"],
        space=spaces["land"],
        title="Land and tenure reading list",
        body="What the working group reads and shares about tenure, consent and carbon.",
        visibility="alliance",
    )
    for key, note in (
        ("tenure", "Our position, agreed in 2025."),
        ("para", "Members of the Pará space: the draft we are discussing."),
        ("consent", "A consent protocol any community can adapt."),
        ("cartografia", "How to map a territory with the community."),
        ("fire-video", ""),
    ):
        services.collection_entry_add(
            actor=people["ana"], collection=land, item=made[key], note=note
        )

    water = services.collection_create(
        author=people["otieno"],
        space=spaces["tana"],
        title="Water stewardship starter kit",
        body="For a catchment forum's first year: data, dialogue and who to involve.",
        visibility="public",
    )
    for key, note in (
        ("water-video", "Watch this together at the first meeting."),
        ("mwongozo", "Kiswahili guide for village meetings (members of the space)."),
        ("tana-data", "Our river data, with the codebook."),
        ("maha-report", "What Ahmednagar learned about women's voices on committees."),
    ):
        services.collection_entry_add(
            actor=people["otieno"], collection=water, item=made[key], note=note
        )
