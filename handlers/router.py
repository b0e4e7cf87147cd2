"""One table from commands, typed words and button payloads to handlers, with the roles each needs."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import ALL_ROLES, STAFF_ROLES, Role, UpdateKind
from bot.messages import MAX_FILE_BYTES, Document, FetchError, Incoming, Payload, Reply
from bot.services import Services
from handlers import admin, broadcast, commands, dashboard, exports, faq, forms, general, helpdesk, privacy, registration, reports, roles, schedule, staff_inbox
from handlers.context import Context
from handlers.conversation import BUTTON, Conversation
from models.contacts import clear_state, get_state, load_contacts
from models.db import WriteMark, write_mark
from models.tables import Contact, ConversationState

log = logging.getLogger(__name__)
ALL = ALL_ROLES
STAFF = STAFF_ROLES
ADMIN = frozenset({Role.ADMIN})

RouteFn = Callable[[Context, str], Awaitable[None]]


@dataclass(frozen=True)
class Route:
    """A command or a button: its payload (whose route name is also the command's word), who may use it, what it does."""

    payload: Payload
    handler: RouteFn
    description_key: str
    roles: frozenset[str] = ALL
    words: tuple[str, ...] = ()
    takes_args: bool = False
    listed: bool = True  # shown in /bantuan and in Telegram's command menu
    typed: bool = True  # False: reachable by button payload only

    @property
    def name(self) -> str:
        """The command's canonical word, and what its buttons' payloads begin with."""
        return self.payload.route


async def _menu(ctx: Context, _arg: str) -> None:
    await general.show_menu(ctx, set(ROUTE_BY_NAME))


async def _help(ctx: Context, _arg: str) -> None:
    await general.show_help(ctx, [(r.name, r.description_key) for r in routes_for(ctx.role)], helpdesk.contact_lines(ctx))


async def _cancel(ctx: Context, _arg: str) -> None:
    current = await current_conversation(ctx)
    if current is not None:
        await leave(ctx, *current)
        if current[1].on_cancel is not None:
            await current[1].on_cancel(ctx)
        else:
            ctx.say(ctx.t("cancel.done"), [[ctx.menu_button()]])
    elif await clear_state(ctx.session, ctx.contact.id):
        ctx.say(ctx.t("cancel.done"), [[ctx.menu_button()]])
    else:
        ctx.say(ctx.t("cancel.nothing"), [[ctx.menu_button()]])


async def _conversation_button(ctx: Context, arg: str) -> None:
    """``form:…`` buttons go to the conversation the contact is in; with none open, or not valid at its step, the press is stale."""
    current = await current_conversation(ctx)
    if current is not None:
        state, open_conversation = current
        if open_conversation.on_button is not None:
            await open_conversation.on_button(ctx, state, arg)
            return
        if await open_conversation.press(ctx, state, arg):
            return
    ctx.say(ctx.t("button.expired"), [[ctx.menu_button()]])


ROUTES: tuple[Route, ...] = (
    Route(commands.MENU, _menu, "cmd.menu", words=("start", "halo", "hai", "hi", "hello", "mulai")),
    Route(commands.HELP, _help, "cmd.help", words=("bantuan", "help", "tolong")),
    Route(commands.ASK, faq.ask_prompt, "cmd.ask", words=("tanya", "faq", "ask"), takes_args=True),
    Route(commands.REGISTER, privacy.register, "cmd.register", words=("daftar", "register", "registrasi", "pendaftaran")),
    Route(commands.PROFILE, registration.show_profile, "cmd.profile", words=("profil", "profile")),
    Route(commands.SCHEDULE, schedule.show_schedule, "cmd.schedule", words=("jadwal", "schedule", "zoom")),
    Route(commands.LANGUAGE, general.choose_language, "cmd.language", words=("bahasa", "language"), takes_args=True),
    Route(commands.REMINDERS, general.toggle_reminders, "cmd.reminders", words=("pengingat", "reminder"), takes_args=True),
    Route(commands.CANCEL, _cancel, "cmd.cancel", words=("batal", "cancel", "batalkan")),
    Route(commands.MY_DATA, privacy.show_my_data, "cmd.my_data", words=("mydata",)),
    Route(commands.ERASE_DATA, privacy.ask_erase, "cmd.erase", words=("erasedata",)),
    Route(commands.RECAP, reports.show_recap, "cmd.recap", roles=frozenset({Role.COORDINATOR}), words=("rekap", "recap"), takes_args=True),
    Route(commands.STATISTICS, reports.show_statistics, "cmd.stats", roles=ADMIN, words=("statistik", "stats", "statistics")),
    Route(commands.EXPORT, exports.export_registrations, "cmd.export", roles=STAFF, words=("ekspor", "export")),
    Route(commands.BROADCAST, broadcast.start_broadcast, "cmd.broadcast", roles=ADMIN, words=("siaran", "broadcast"), takes_args=True),
    Route(commands.ROLES, roles.assign_role, "cmd.roles", roles=ADMIN, words=("peran", "role"), takes_args=True),
    Route(commands.HELPDESK, helpdesk.start_helpdesk, "cmd.helpdesk", words=("helpdesk",)),
    Route(commands.HELPDESK_DONE, helpdesk.close_by_person, "cmd.helpdesk", listed=False, words=("done",)),
    Route(commands.QUESTIONS, staff_inbox.list_inbox, "cmd.questions", roles=STAFF, words=("pertanyaan", "questions", "inbox")),
    Route(commands.RELOAD, admin.reload_faq, "cmd.reload", roles=ADMIN, words=("reload",)),
    Route(commands.DASHBOARD, dashboard.send_login_link, "cmd.dashboard", roles=STAFF, words=("dasbor", "dashboard")),
    # Button-only routes: each module declares the payloads of the buttons it handles.
    Route(faq.TOPIC, faq.show_topic, "cmd.ask", listed=False, typed=False),
    Route(BUTTON, _conversation_button, "cmd.register", listed=False, typed=False),
    Route(registration.COORDINATOR_BUTTON, registration.notify_coordinator, "cmd.register", listed=False, typed=False),
    Route(broadcast.ACK_BUTTON, broadcast.acknowledge_read, "cmd.broadcast", listed=False, typed=False),
    Route(privacy.CONSENT, privacy.consent_button, "cmd.register", listed=False, typed=False),
    Route(privacy.ERASE, privacy.erase_button, "cmd.erase", listed=False, typed=False),
    Route(helpdesk.STAFF_BUTTON, staff_inbox.handle_button, "cmd.questions", roles=STAFF, listed=False, typed=False),
)

ROUTE_BY_NAME: dict[str, Route] = {r.name: r for r in ROUTES}
ROUTE_BY_WORD: dict[str, Route] = {}
for _route in ROUTES:
    for _word in (_route.name, *_route.words) if _route.typed else ():
        ROUTE_BY_WORD.setdefault(_word, _route)

# Every multi-step exchange, by the name stored in the contact's conversation state.
CONVERSATIONS: tuple[Conversation, ...] = (
    forms.conversation(registration.REGISTRATION),
    privacy.CONSENT_CONVERSATION,
    broadcast.CIRCULAR,
    helpdesk.HELPDESK,
    staff_inbox.REPLY,
    staff_inbox.MAKE_FAQ,
)
CONVERSATION_BY_NAME: dict[str, Conversation] = {c.name: c for c in CONVERSATIONS}


def routes_for(role: str) -> list[Route]:
    """The listed commands a role may use, in table order."""
    return [r for r in ROUTES if r.listed and role in r.roles]


_COMMAND_RE = re.compile(r"^/([A-Za-z_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)
_WORD_RE = re.compile(r"^([A-Za-z]{2,32})[.!?]*(?:\s+(.*))?$", re.DOTALL)
_LEAVE_WORDS = frozenset(("batal", *ROUTE_BY_NAME["batal"].words))


def parse_command(text: str) -> tuple[str, str] | None:
    """``(word, args)`` when ``text`` is a command: ``/word …``, or a bare command word.

    A bare word counts only when it is the whole message, or the command takes arguments, so
    "daftar" starts the form while "cara daftar psp?" is a question for the FAQ.
    """
    text = text.strip()
    match = _COMMAND_RE.match(text)
    if match:
        return match.group(1).lower(), (match.group(2) or "").strip()
    match = _WORD_RE.match(text)
    if match:
        word, args = match.group(1).lower(), (match.group(2) or "").strip()
        route = ROUTE_BY_WORD.get(word)
        if route is not None and (not args or route.takes_args):
            return word, args
    return None


async def run_route(ctx: Context, route: Route, arg: str) -> None:
    """Run ``route`` if the contact's role allows it, else refuse politely."""
    if ctx.role not in route.roles:
        # Same words whatever the command: a refusal reveals nothing about what exists.
        ctx.say(ctx.t("refused"), [[ctx.menu_button()]])
        return
    await route.handler(ctx, arg)


async def answer_free_text(ctx: Context, text: str) -> None:
    """Free text outside a form: a follow-up to an open help-desk conversation, a request for a person, else the FAQ."""
    if await helpdesk.join_open_conversation(ctx, text):
        return
    if helpdesk.asks_for_person(text):
        await helpdesk.show_contact(ctx)
        return
    if ctx.services.faq is None:
        ctx.say(ctx.t("faq.unavailable"), [[ctx.menu_button()]])
        return
    await faq.answer_question(ctx, text, greet=lambda c: _menu(c, ""))


async def current_conversation(ctx: Context) -> tuple[ConversationState, Conversation] | None:
    """The contact's open conversation, if any.

    One this version no longer knows, or that the contact's role no longer allows, is closed
    rather than left to trap them.
    """
    state = await get_state(ctx.session, ctx.contact.id)
    if state is None:
        return None
    conversation = CONVERSATION_BY_NAME.get(state.form)
    if conversation is None:
        await clear_state(ctx.session, ctx.contact.id)
        return None
    if ctx.role not in conversation.roles:
        await leave(ctx, state, conversation)
        return None
    return state, conversation


async def sent_document(ctx: Context) -> Document | None:
    """The file the person sent, fetched now that a step expects it (capped); ``None`` after telling why not."""
    incoming = ctx.incoming
    if incoming.attachment is not None:
        return incoming.attachment
    ref = incoming.file
    fetcher = ctx.services.fetchers.get(incoming.channel)
    if ref is None or fetcher is None:
        ctx.say(ctx.t("media.file_failed"))
        return None
    limit_mb = MAX_FILE_BYTES // (1024 * 1024)
    if ref.size is not None and ref.size > MAX_FILE_BYTES:
        ctx.say(ctx.t("media.file_too_large", limit=limit_mb))
        return None
    try:
        content = await fetcher.fetch(ref, MAX_FILE_BYTES)
    except FetchError as exc:
        log.warning("a sent file was not fetched: %s", exc, extra={"contact": incoming.contact_id})
        ctx.say(ctx.t("media.file_too_large", limit=limit_mb) if exc.too_large else ctx.t("media.file_failed"))
        return None
    return Document(ref.filename, content, ref.mime_type)


async def leave(ctx: Context, state: ConversationState, conversation: Conversation) -> None:
    """Close the contact's conversation, letting it tidy up first (a circular's draft goes)."""
    if conversation.on_leave is not None:
        await conversation.on_leave(ctx, state)
    await clear_state(ctx.session, ctx.contact.id)


def interrupts(text: str) -> bool:
    """Whether text typed inside a conversation's free-text step leaves it for a command.

    Only a slash command (``/batal``, ``/menu``…) or a lone word that means leaving (``batal``):
    a circular beginning "Pengingat besok Bimtek…" is the circular, not ``/pengingat``.
    """
    text = text.strip()
    if _COMMAND_RE.match(text):
        return True
    word = text.lower().rstrip(".!?")
    return word in _LEAVE_WORDS


async def route_update(ctx: Context) -> None:
    """Decide what to do with one update."""
    incoming = ctx.incoming
    if incoming.kind in (UpdateKind.BLOCKED, UpdateKind.UNBLOCKED):
        # The person blocked or unblocked the bot: nothing to answer, only whether messages can reach them.
        ctx.contact.reachable = incoming.kind == UpdateKind.UNBLOCKED
    elif incoming.kind == UpdateKind.BAD_BUTTON:
        await general.answer_bad_button(ctx)
    elif incoming.kind == UpdateKind.MEDIA:
        current = await current_conversation(ctx)
        if current is None:
            await general.answer_media(ctx)
            return
        state, conversation = current
        sent_file = incoming.attachment is not None or incoming.file is not None
        on_document = conversation.document_handler(state.step)
        if sent_file and on_document is not None:
            document = await sent_document(ctx)
            if document is not None:
                await on_document(ctx, state, document)
        elif conversation.on_media is not None:
            await conversation.on_media(ctx, state)
        else:
            await general.answer_media(ctx)
    elif incoming.kind == UpdateKind.EDITED:
        await general.answer_edited(ctx)
    elif incoming.kind == UpdateKind.BUTTON:
        name, arg = Payload.route_of(incoming.payload or "")
        route = ROUTE_BY_NAME.get(name)
        if route is None:
            await general.answer_bad_button(ctx)
        else:
            await run_route(ctx, route, arg)
    else:
        text = incoming.text.strip()
        if not text:
            await general.answer_media(ctx)
            return
        current = await current_conversation(ctx)
        if current is not None and current[1].takes_text(current[0].step) and not interrupts(text):
            await current[1].text(ctx, current[0], text)
            return
        command = parse_command(text)
        if command is not None:
            route = ROUTE_BY_WORD.get(command[0])
            if route is None:
                ctx.say(ctx.t("unknown_command", command=command[0][:32]), [[ctx.button("menu.help", commands.HELP.pack())]])
            else:
                await run_route(ctx, route, command[1])
            return
        if current is not None:
            await current[1].text(ctx, current[0], text)
            return
        await answer_free_text(ctx, text)


def error_reply(services: Services, incoming: Incoming) -> Reply:
    """What the user sees when a handler failed: an apology that loses nothing they sent."""
    return Reply(services.i18n.t(services.settings.bot.default_language, "error.internal"))


# Runs inside the transaction just before commit, with the replies decided for each update and
# whether its handling wrote anything: the inbox marks its rows handled there, so the state changes
# and "handled" commit together or not at all. An update whose handling wrote nothing may simply be
# handled again after a crash, so its row need not be written (a plain FAQ answer). A handler's
# effects are database writes, its replies and after-commit tasks (in-memory only): an effect
# anywhere else must come with a write (the FAQ file is edited as a form's state is cleared).
BeforeCommit = Callable[[AsyncSession, list[list[Reply]], list[bool]], Awaitable[None]]


async def handle_updates(services: Services, incomings: Sequence[Incoming], before_commit: BeforeCommit | None = None) -> list[list[Reply]]:
    """Route updates of different contacts in one transaction; the replies of each, in order.

    One query loads every contact and one commit stores what all of them changed, so a burst of
    questions costs a few statements, not a few per question. If a handler fails, nothing of the
    batch is stored and the exception propagates: the caller handles the updates one by one.
    """
    started = time.perf_counter()
    try:
        async with services.db.session() as session:
            people = [(incoming.channel, incoming.external_id, incoming.name) for incoming in incomings]
            mark = write_mark(session)
            contacts = await load_contacts(session, services.settings, people, services.clock.now())
            changed = _changed_by_loading(session, contacts, mark)
            contexts = []
            for incoming in incomings:
                ctx = Context(services, incoming, contacts[incoming.contact_id], session)
                mark = write_mark(session)
                await route_update(ctx)
                contexts.append(ctx)
                if write_mark(session) != mark:
                    changed[incoming.contact_id] = True
            replies = [ctx.replies for ctx in contexts]
            if before_commit is not None:
                await before_commit(session, replies, [changed[incoming.contact_id] for incoming in incomings])
            await session.commit()
    except Exception:
        # Counted once each: a failed batch is handled again one update at a time (and counted
        # then), while a single update that failed is answered with an apology and not tried again.
        if len(incomings) == 1:
            services.metrics.updates.labels(incomings[0].channel, incomings[0].kind).inc()
        raise
    for ctx in contexts:
        services.metrics.updates.labels(ctx.incoming.channel, ctx.incoming.kind).inc()
        # Work that must not happen unless the transaction stuck (messages to other contacts).
        for task in ctx.after_commit:
            try:
                await task()
            except Exception:
                log.exception("after-commit task failed", extra={"contact": ctx.incoming.contact_id})
        services.metrics.replies.labels(ctx.incoming.channel).inc(len(ctx.replies))
    elapsed = time.perf_counter() - started
    share = elapsed / max(len(contexts), 1)
    for _ in contexts:  # one observation per update (its share of the batch), so the count is updates
        services.metrics.handle_seconds.observe(share)
    log.debug("%d update(s) handled in %.1f ms", len(contexts), elapsed * 1000)
    return replies


def _changed_by_loading(session: AsyncSession, contacts: dict[str, Contact], before: WriteMark) -> dict[str, bool]:
    """Whose contact loading changed (new, renamed, heard from again): that write belongs to their update.

    Anything else loading wrote cannot be put down to one update: then every update counts as writing.
    """
    touched = [*session.new, *session.dirty, *session.deleted]
    mark = write_mark(session)
    if mark[0] != before[0] or mark[2] != before[2] or any(not isinstance(o, Contact) or contacts.get(o.id) is not o for o in touched):
        return dict.fromkeys(contacts, True)
    changed = {id(o) for o in touched}
    return {contact_id: id(contact) in changed for contact_id, contact in contacts.items()}


async def handle_update(services: Services, incoming: Incoming, before_commit: BeforeCommit | None = None) -> list[Reply]:
    """Load the contact, route one update in one transaction, return its replies."""
    return (await handle_updates(services, [incoming], before_commit))[0]
