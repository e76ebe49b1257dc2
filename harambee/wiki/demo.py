"""The demo alliance's knowledge base: methodologies, tools, techniques, concepts and
a case, written and revised by several people, linked to each other and to the
learning notes that used them; a space wiki page, a private draft, and talk.

``load_wiki`` is called by ``core.demo.load_demo`` after people, spaces and learning
notes exist; it takes the dictionaries that function builds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from textwrap import dedent
from typing import Any

from harambee.core.services import comment_create
from harambee.wiki import services
from harambee.wiki.models import WikiPage, WikiRevision

M, TOOL, TECH, CONCEPT, CASE = (
    WikiPage.Category.METHODOLOGY,
    WikiPage.Category.TOOL,
    WikiPage.Category.TECHNIQUE,
    WikiPage.Category.CONCEPT,
    WikiPage.Category.CASE,
)


@dataclass(frozen=True)
class Edit:
    author: str
    summary: str
    find: str  # text to replace; "" appends ``replace`` at the end
    replace: str


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    category: str
    author: str
    days_ago: int
    body: str
    visibility: str = "public"
    space: str = ""
    examples: tuple[str, ...] = ()
    edits: tuple[Edit, ...] = ()
    renamed_to: str = ""
    renamed_by: str = ""
    comments: tuple[tuple[str, str], ...] = field(default=())


def _text(body: str) -> str:
    return dedent(body).strip() + "\n"


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "stakeholder-mapping",
        "Stakeholder mapping",
        M,
        "noor",
        70,
        """
        ## Purpose

        Stakeholder mapping makes visible who has a stake in a change, how much influence
        they have over it, and how they relate to each other. In a multi-stakeholder process
        it is less an analysis done *about* people than a conversation done *with* them: the
        map is a shared picture that the group can question, correct and act on.

        ## When to use

        - At the start of a [[Multi-stakeholder partnership]], to decide who must be in the
          room and who is missing.
        - When a process feels stuck and the same voices dominate: a new map often shows who
          was never asked.
        - Before each new cycle of [[Action inquiry]], since stakes and alliances shift.

        ## Steps

        1. Agree the question the map serves, for example "Who can change how the forest
           reserve edge is farmed?" A map without a question grows without end.
        2. Brainstorm everyone affected by or affecting the issue, one name per card: groups
           and organisations, but also the people inside them whose view differs.
        3. Place the cards on a grid of *interest* against *influence*, or in circles of
           closeness to the issue. Argue about the placement: the argument is the point.
        4. Draw relationships: who listens to whom, who is in conflict, who depends on whom.
        5. Mark the gaps: stakes without a voice, influence without accountability.
        6. Decide what the map changes: who to invite, who to visit first, what to ask.

        ## Facilitation tips

        - Let the people least used to speaking place the first cards.
        - Use the [[Power cube]] to ask *what kind* of power each actor holds, not only how
          much.
        - Photograph the map and date it; redraw it every few months and compare.
        - A map of people is sensitive. Agree who may see it before you draw it.

        ## Examples

        The Pará land register work used a map of overlapping claims as a stakeholder map:
        putting the community's own map on the municipality's table changed who spoke.
        The Ghana forum used its map to see that women and tenant farmers were missing.
        """,
        examples=("para-map", "ghana-radio"),
        edits=(
            Edit(
                "kwame",
                "Tip from the Ghana forum about sensitive maps",
                "- A map of people is sensitive. Agree who may see it before you draw it.",
                "- A map of people is sensitive. Agree who may see it before you draw it. In "
                "the Ghana forum the first map named a chief's representative as 'blocking'; "
                "it was redrawn with neutral labels before it left the room.",
            ),
            Edit(
                "lindiwe",
                "Link to rich pictures",
                "",
                "\nFor a freer, drawn version of the same conversation, see [[Rich pictures]].\n",
            ),
        ),
        comments=(
            (
                "rafael",
                "In Pará we found the grid of interest and influence too abstract at first. "
                "Starting from the map of the land itself, and asking who uses each part, "
                "worked better.",
            ),
            (
                "noor",
                "Thanks Rafael, that belongs in the steps. Would you add it as a variant?",
            ),
        ),
    ),
    PageSpec(
        "appreciative-inquiry",
        "Appreciative inquiry",
        M,
        "thandi",
        66,
        """
        ## Purpose

        Appreciative inquiry (AI) starts from what already works rather than from what is
        broken. People tell stories of their group at its best, find what made those moments
        possible, and design the next steps to have more of them. In processes where parties
        arrive with long lists of grievances, AI can open a conversation that blame closes.

        ## When to use

        - When relations are tired or defensive and problem analysis keeps producing blame.
        - To close or evaluate a process in a way that honours what was achieved, as the
          Letsitele dialogue did (see [[Letsitele valley restitution dialogue]]).
        - Not as a way to avoid real conflict: grievances that are not heard come back.

        ## Steps

        The classic cycle has four Ds.

        1. **Discover**: in pairs, people interview each other about a high point ("Tell me
           about a time this forum really worked for you").
        2. **Dream**: groups imagine the situation in five years if those high points were
           normal, and show it in a drawing, a short play or a headline.
        3. **Design**: the group agrees what structures, habits and agreements would make the
           dream likely.
        4. **Deliver** (or *Destiny*): people commit to first actions and to how they will
           learn from them, for example in a next cycle of [[Action inquiry]].

        ## Facilitation tips

        - Write the interview questions with care; they set the tone for the whole process.
        - Mix stakeholders in the interview pairs on purpose.
        - Make room for the hard stories too. Acknowledge them, then ask what helped people
          through.

        ## Examples

        The closing evaluation of the Letsitele restitution dialogue used appreciative
        interviews alongside [[Outcome harvesting]].
        """,
        examples=("limpopo-closing",),
        edits=(
            Edit(
                "marius",
                "Caution about using AI to avoid conflict",
                "- Not as a way to avoid real conflict: grievances that are not heard come back.",
                "- Not as a way to avoid real conflict: grievances that are not heard come back. "
                "In Letsitele the first appreciative session was read by some claimants as "
                "'being asked to be grateful'; naming that openly saved the process.",
            ),
        ),
    ),
    PageSpec(
        "outcome-harvesting",
        "Outcome harvesting",
        M,
        "marius",
        60,
        """
        ## Purpose

        Outcome harvesting collects evidence of what has changed (the *outcomes*) and then
        works backwards to find whether and how an intervention contributed. It suits complex
        multi-stakeholder work, where plans change and the most important results were not
        foreseen in a logframe.

        ## When to use

        - To evaluate a process whose results are changes in the behaviour, relationships,
          policies or practices of other actors.
        - When objectives were unclear or shifted, so measuring against a plan would miss the
          point.
        - Alongside [[Most significant change]] when you also want the stories behind the
          outcomes.

        ## Steps

        1. Agree with the users of the harvest what they need to know.
        2. Review documents (minutes, learning notes, reports) and draft outcome statements:
           *who* changed *what*, *when* and *where*, and *how* the process contributed.
        3. Engage the people who know: ask them to correct, add and reject statements.
        4. Substantiate a sample of outcomes with independent people.
        5. Analyse and interpret: patterns, contributions, surprises.
        6. Support the use of the findings, for example in a sensemaking workshop.

        ## Facilitation tips

        - An outcome is a change in someone else's behaviour, not an activity you did.
        - Keep each statement short enough to be checked by a third person.
        - Tools such as [[Social network analysis]] can show changed relationships.

        ## Examples

        The Letsitele dialogue's closing evaluation harvested 23 outcomes, from the
        restitution commission changing its meeting venue to a farmers' union publicly
        accepting a shared water schedule.
        """,
        examples=("limpopo-closing",),
        edits=(
            Edit(
                "noor",
                "Add the sensemaking step in plain words",
                "6. Support the use of the findings, for example in a sensemaking workshop.",
                "6. Support the use of the findings, for example in a sensemaking workshop "
                "where the people whose behaviour changed read the outcomes first.",
            ),
        ),
        comments=(
            (
                "thandi",
                "The substantiation step was the hardest for us: the people who could confirm "
                "an outcome were often the ones least keen to be quoted.",
            ),
        ),
    ),
    PageSpec(
        "msc",
        "MSC",
        M,
        "wanjiru",
        58,
        """
        ## Purpose

        The Most Significant Change technique collects stories of change from the people
        closest to it and has groups choose, and explain, which stories matter most. The
        choosing is the heart of it: it makes values visible and opens a conversation about
        what the work is for.

        ## When to use

        - When change is diverse and hard to count, and you want to know what people value.
        - In a monitoring rhythm: every few months, stories travel up and the reasons for
          each choice travel back down.
        - Not for proving attribution; combine with [[Outcome harvesting]] for that.

        ## Steps

        1. Choose the domains of change, broad and few (for example "changes in how the river
           is shared").
        2. Collect stories with one question: "Looking back over the last months, what do
           you think was the most significant change in ...?" Record why it matters to the
           teller.
        3. Groups at each level read the stories and select one per domain, writing down
           *why*.
        4. Feed back the choices and the reasons to everyone who told a story.
        5. After a year, look across the selected stories for patterns.

        ## Facilitation tips

        - Record stories in people's own language; voice notes work where writing does not.
        - The reasons for selection are data: keep them with the stories.
        - Mix stakeholders in selection panels so no single view defines "significant".

        ## Examples

        The Upper Tana catchment collected stories about one river from four perspectives;
        monitors in Petén recorded their stories as voice notes.
        """,
        examples=("tana-stories", "peten-voice"),
        renamed_to="Most significant change",
        renamed_by="esi",
        edits=(
            Edit(
                "mateo",
                "Voice notes from Petén",
                "- Record stories in people's own language; voice notes work where writing "
                "does not.",
                "- Record stories in people's own language; voice notes work where writing "
                "does not. In Petén, Q'eqchi' monitors sent two-minute voice notes over "
                "WhatsApp; a volunteer transcribed and translated the selected ones only.",
            ),
        ),
    ),
    PageSpec(
        "action-learning-sets",
        "Action learning sets",
        M,
        "lindiwe",
        55,
        """
        ## Purpose

        An action learning set is a small group (five to eight people) that meets regularly
        to help each member make progress on a real problem from their own work, by asking
        questions rather than giving advice. It builds the habit of reflective practice that
        [[Action inquiry]] depends on.

        ## When to use

        - For facilitators and initiative leads who carry difficult processes mostly alone.
        - When a group wants peer learning that goes deeper than sharing news.
        - Online works: the practice circle runs sets over video calls across time zones.

        ## Steps

        1. Agree ground rules: confidentiality, time, no unasked-for advice.
        2. One presenter describes a current challenge in five minutes.
        3. The others ask open questions only, for twenty to thirty minutes. The presenter
           may answer, or simply note the question.
        4. The presenter says what they now see differently and what they will do next.
        5. Everyone reflects briefly on the process. At the next meeting the presenter
           reports back.

        ## Facilitation tips

        - Hold the line on questions: advice disguised as a question ("Have you thought
          of...?") is still advice.
        - Keep the same membership for at least six meetings; trust takes time.
        - Rotate the facilitator once the set is confident.

        ## Examples

        The practice circle's sets are described in its own wiki.
        """,
        edits=(
            Edit(
                "marites",
                "A tip on silence",
                "- Rotate the facilitator once the set is confident.",
                "- Rotate the facilitator once the set is confident.\n- Allow silence after a "
                "question; the best answers in our Ifugao set came after long pauses.",
            ),
        ),
    ),
    PageSpec(
        "par",
        "Participatory action research",
        M,
        "arjun",
        52,
        """
        ## Purpose

        Participatory action research (PAR) treats the people affected by a problem as
        researchers of it, not as its subjects. Cycles of investigation, action and
        reflection produce knowledge and change at once, and the questions, methods and
        findings belong to the group.

        ## When to use

        - When those most affected are least heard, and their knowledge is needed to
          understand the problem at all.
        - When the research should itself shift power, for example by giving women's groups
          their own evidence to bring to a committee.

        ## Steps

        1. Form a research group of affected people, with outside researchers as support.
        2. Agree the question together and how findings will be used and owned.
        3. Choose methods the group can run: community mapping, diaries, transect walks,
           registers, [[Problem tree]] analysis.
        4. Act on early findings; observe what happens.
        5. Reflect together and decide the next question. See [[Action inquiry]] for the
           cycle.

        ## Facilitation tips

        - Budget time for the group to analyse its own data; it is slower and worth it.
        - Agree early who may publish what, and under whose name.

        ## Examples

        In Ahmednagar, women members kept their own register of what was said in watershed
        committee meetings and began to read it aloud at the start of each meeting.
        """,
        examples=("maha-register", "maha-minutes"),
    ),
    PageSpec(
        "power-cube",
        "Power cube",
        TOOL,
        "priya",
        48,
        """
        ## What it is

        The power cube, developed at the Institute of Development Studies, is a tool to
        analyse power along three dimensions:

        - **Spaces**: closed (decisions made behind doors), invited (people are asked in on
          others' terms) and claimed (people create their own spaces).
        - **Levels**: local, national, global.
        - **Forms**: visible (rules, formal decisions), hidden (who sets the agenda) and
          invisible (norms and beliefs that make some options unthinkable).

        ## How to use it

        Take a decision that matters to the group and ask in which space it is made, at
        which level, and which forms of power shape it. Then ask where the group has room to
        act. It pairs well with [[Stakeholder mapping]]: the map says *who*, the cube says
        *how*.

        ## Where to find it

        The Power Cube website (powercube.net) has guides and examples; the research
        collaboration on power, voice and inclusion uses it in its case studies.
        """,
    ),
    PageSpec(
        "rich-pictures",
        "Rich pictures",
        TECH,
        "femke",
        45,
        """
        ## What it is

        A rich picture is a drawing of a messy situation: people, places, relationships,
        conflicts and worries, with speech bubbles and symbols. It comes from soft systems
        methodology. Because nobody is expected to draw well, it lets people show what they
        find hard to say.

        ## How to do it

        1. Give groups a large sheet and markers; no words at first, only drawings.
        2. Ask them to draw the situation as they experience it, including themselves.
        3. Each group explains its picture; others ask what they see.
        4. Compare pictures from different stakeholder groups.

        ## Tips

        - Draw first yourself, badly, to lower the bar.
        - Keep the pictures: they are a record of how the situation looked at the start.
        - Follow with [[Stakeholder mapping]] or a [[Problem tree]] to structure what came up.
        """,
    ),
    PageSpec(
        "problem-tree",
        "Problem tree",
        TOOL,
        "grace",
        44,
        """
        ## What it is

        A problem tree shows a core problem as the trunk, its causes as roots and its
        effects as branches. Turned around, it becomes an objectives tree: causes become the
        means, effects become the ends.

        ## How to use it

        1. Agree the core problem in one sentence (for example "The river runs dry at the
           lower kiosks in February").
        2. Ask "why?" repeatedly to grow the roots; ask "so what?" to grow the branches.
        3. Check the logic from the bottom up, and mark the causes the group can influence.

        ## Where to find it

        Any large sheet will do. Cards on a wall let the group move causes around as the
        discussion changes its mind.
        """,
    ),
    PageSpec(
        "fishbowl",
        "Fishbowl conversation",
        TECH,
        "lucia",
        40,
        """
        ## What it is

        A fishbowl is a conversation held by a small inner circle while a larger outer
        circle listens. An empty chair in the inner circle lets anyone from outside join for
        a moment. It makes a large meeting feel like a small conversation, and lets one group
        listen to another without interrupting.

        ## How to do it

        1. Set four or five chairs in the middle and the rest around them; leave one inner
           chair empty.
        2. Invite the first speakers, for example the young farmers, to talk about a
           question while officials listen.
        3. Anyone who wants to speak takes the empty chair; someone in the inner circle then
           leaves.
        4. Close by asking the listeners what they heard, not what they think.

        ## Tips

        - Use it to reverse the usual order of speaking: let those with least power speak
          first and longest.
        - Online, use spotlighted video for the inner circle.
        """,
    ),
    PageSpec(
        "open-space",
        "Open space technology",
        TECH,
        "femke",
        38,
        """
        ## What it is

        Open space is a way to run a meeting of any size where participants create the
        agenda themselves. Anyone who cares about a topic can convene a session; people go
        where they learn or contribute most ("the law of two feet").

        ## How to do it

        1. Announce one broad, urgent question.
        2. Sit in a circle; invite people to write session topics and put them on the
           "market place" wall with a time and place.
        3. Sessions run in parallel; each convener writes a short report.
        4. Close in the circle; gather the reports the same day.

        ## Tips

        - Works best with real complexity, diversity and some conflict, and when the sponsor
          truly does not know the answer.
        - Plan how reports feed into decisions, or people stop coming.
        """,
    ),
    PageSpec(
        "action-inquiry",
        "Action inquiry",
        CONCEPT,
        "amara",
        75,
        """
        ## Definition

        Action inquiry is learning from your own practice while doing it: cycles of
        **plan, act, observe and reflect**, in which a group decides what to try, watches
        what happens, and changes course. Each initiative in the alliance documents its
        cycles and writes learning notes, so that others can learn from them.

        ## Why it matters

        Multi-stakeholder change rarely follows a plan. Learning only at the end, in an
        evaluation, comes too late to help. Action inquiry builds learning into the work and
        turns participants into co-researchers.

        ## Related ideas

        - [[Participatory action research]] takes the same cycle into research led by
          affected people.
        - [[Action learning sets]] support the individual practitioner's reflection.
        - [[Theory of change]] names the assumptions that each cycle tests.
        """,
        edits=(
            Edit(
                "esi",
                "Say where to write learning notes",
                "and writes learning notes, so that others can learn from them.",
                "and writes learning notes in its space, so that others can learn from them "
                "and the secretariat can draw lessons across initiatives.",
            ),
        ),
    ),
    PageSpec(
        "msp",
        "Multi-stakeholder partnership",
        CONCEPT,
        "amara",
        74,
        """
        ## Definition

        A multi-stakeholder partnership (MSP) is a process in which government, business,
        civil society, researchers and communities work on a shared problem that none of
        them can solve alone. It is more than consultation: the parties shape decisions
        together, while keeping different interests.

        ## Why it matters

        Social justice and sustainability problems, from land tenure to water allocation,
        cut across sectors. MSPs can bring the people who hold pieces of the problem to the
        same table, but they can also reproduce the power differences outside the room.
        Good process design, for example with [[Stakeholder mapping]] and the
        [[Power cube]], makes the difference.

        ## Related ideas

        - [[Theory of change]]
        - [[Action inquiry]]
        """,
    ),
    PageSpec(
        "theory-of-change",
        "Theory of change",
        CONCEPT,
        "hanneke",
        50,
        """
        ## Definition

        A theory of change describes how and why a group expects its actions to lead to the
        change it wants, step by step, and names the assumptions behind each step.

        ## Why it matters

        Written down, assumptions can be tested. In action inquiry, each cycle checks one
        or two of them; in evaluation, [[Outcome harvesting]] can show which held.

        ## Related ideas

        Keep it simple and revisable: a drawing on one page that the partners can argue
        about is worth more than a diagram no one reads.
        """,
    ),
    PageSpec(
        "letsitele",
        "Letsitele valley restitution dialogue",
        CASE,
        "thandi",
        35,
        """
        ## Context

        In the Letsitele valley in Limpopo, land claimants, commercial farmers, the
        restitution commission and the municipality met for three years to work out how
        restituted land and shared water would be managed.

        ## What was done

        The dialogue was convened by a neutral facilitator team. It used
        [[Stakeholder mapping]] at the start, [[Fishbowl conversation|fishbowls]] to let
        claimants speak first, and closed with an evaluation combining
        [[Outcome harvesting]] and [[Appreciative inquiry]].

        ## What happened

        Agreements on a water schedule and on the use of two farms held; a third farm
        remained in dispute. The evaluation harvested 23 outcomes.

        ## Lessons

        Closing a dialogue well is as important as opening it: people need to know what
        continues, who holds the agreements and where to go when they break.
        """,
        examples=("limpopo-closing",),
    ),
    PageSpec(
        "ifugao-consent",
        "Community consent protocols",
        M,
        "benjie",
        30,
        """
        ## Purpose

        A community consent protocol is a document a community writes itself, setting out
        how outsiders must seek its free, prior and informed consent: who speaks for the
        community, in which language, how long deliberation takes and how decisions are
        made. It turns a legal right into a procedure the community controls.

        ## When to use

        - Before a company, agency or researcher arrives, not after.
        - When customary decision-making differs from what outsiders expect.

        ## Steps

        1. Hold community assemblies on the community's own decision-making customs.
        2. Draft the protocol in the local language; check it with elders, women and youth
           separately.
        3. Translate it and have it recognised by the relevant authority.
        4. Share it with those who will need to follow it.

        ## Facilitation tips

        - Let the community set the timeline; outside deadlines undermine the point.

        ## Examples

        The Ifugao ancestral domain wrote its protocol before a hydropower developer came.
        """,
        examples=("ifugao-protocol",),
    ),
    # A space's own page: the practice circle's way of running sets.
    PageSpec(
        "circle-sets",
        "How this circle runs its learning sets",
        M,
        "lindiwe",
        25,
        """
        ## Purpose

        The circle runs three online [[Action learning sets]], across time zones, for
        members who facilitate processes. This page is our own agreement; the general method
        is on the alliance's knowledge base.

        ## When to use

        Every month, on the first Tuesday, 13:00 UTC.

        ## Steps

        1. Sign up in the circle's thread by the Friday before.
        2. The presenter sends half a page on their challenge the day before.
        3. Ninety minutes: two presenters, questions only, then reflection.

        ## Facilitation tips

        - Cameras on if the connection allows; audio only is fine.
        - Nothing said in a set is quoted outside it.

        ## Examples

        Presenters may link the learning note they wrote afterwards.
        """,
        visibility="space",
        space="circle",
        comments=(("thandi", "Could we move the Asia set two hours earlier for Manila?"),),
    ),
    # A private draft: only its author sees it.
    PageSpec(
        "sensemaking-draft",
        "Sensemaking workshops",
        M,
        "noor",
        5,
        """
        ## Purpose

        Draft: a workshop format where the people who produced the data read it first and
        say what it means, before the secretariat writes any synthesis.

        ## Steps

        To be written after the next synthesis round.
        """,
        visibility="private",
    ),
)


def load_wiki(
    people: dict[str, Any], spaces: dict[str, Any], notes: dict[str, Any], now: datetime
) -> dict[str, WikiPage]:
    """Write the demo's wiki pages, their revisions, renames and talk. Returns the
    pages by key."""
    pages: dict[str, WikiPage] = {}
    for spec in PAGES:
        created = now - timedelta(days=spec.days_ago)
        space = spaces[spec.space] if spec.space else None
        page = services.page_create(
            author=people[spec.author],
            space=space,
            title=spec.title,
            body=_text(spec.body),
            category=spec.category,
            visibility=spec.visibility,
            examples=[notes[key].pk for key in spec.examples if key in notes],
        )
        steps = [created]
        for n, edit in enumerate(spec.edits, start=1):
            current = WikiPage.objects.get(pk=page.pk)
            body = (
                current.body.replace(edit.find, edit.replace, 1)
                if edit.find
                else current.body + edit.replace
            )
            services.page_edit(
                actor=people[edit.author],
                page=current,
                body=body,
                base_revision=current.revision,
                summary=edit.summary,
            )
            steps.append(created + timedelta(days=2 * n, hours=3 * n))
        if spec.renamed_to:
            services.page_rename(
                actor=people[spec.renamed_by],
                page=WikiPage.objects.get(pk=page.pk),
                title=spec.renamed_to,
                summary="Spell out the name; the abbreviation confused newcomers",
            )
            steps.append(created + timedelta(days=2 * len(steps) + 1))
        for number, when in enumerate(steps, start=1):
            WikiRevision.objects.filter(page=page, number=number).update(created=when)
        WikiPage.objects.filter(pk=page.pk).update(created=created, updated=steps[-1])
        page = WikiPage.objects.select_related("space").get(pk=page.pk)
        for author, body in spec.comments:
            comment_create(author=people[author], content=page, body=body)
        pages[spec.key] = page
    return pages
