"""Greeting, menu, help, language and reminder preference."""

from __future__ import annotations

from bot.enums import Role
from bot.messages import Button, Payload
from handlers import commands
from handlers.context import Context
from handlers.registration import REGISTRATION
from handlers.schedule import reminder_switch
from models.contacts import get_state

# Main-menu entries: (label key, the command it runs, roles that see it). Two per row on a phone.
MENU: tuple[tuple[str, Payload, frozenset[str] | None], ...] = (
    ("menu.faq", commands.ASK, None),
    ("menu.register", commands.REGISTER, frozenset({Role.PUBLIC, Role.PRINCIPAL})),  # staff do not register as principals
    ("menu.schedule", commands.SCHEDULE, None),
    ("menu.reminders", commands.REMINDERS, None),
    ("menu.profile", commands.PROFILE, None),
    ("menu.language", commands.LANGUAGE, None),
    ("menu.helpdesk", commands.HELPDESK, None),
    ("menu.questions", commands.QUESTIONS, frozenset({Role.COORDINATOR, Role.ADMIN})),
    ("menu.recap", commands.RECAP, frozenset({Role.COORDINATOR})),
    ("menu.stats", commands.STATISTICS, frozenset({Role.ADMIN})),
)


def menu_buttons(ctx: Context, available: set[str]) -> list[list[Button]]:
    """The main menu for the contact's role, two buttons per row."""
    buttons = [ctx.button(key, command.pack()) for key, command, roles in MENU if command.route in available and (roles is None or ctx.role in roles)]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


async def show_menu(ctx: Context, available: set[str]) -> None:
    """Greeting and main menu; an unfinished registration is offered first."""
    name = ctx.contact.name.split(" ")[0] if ctx.contact.name else ""
    greeting = ctx.t("start.greeting_named", name=name) if name else ctx.t("start.greeting")
    buttons = menu_buttons(ctx, available)
    state = await get_state(ctx.session, ctx.contact.id)
    if state is not None and state.form == REGISTRATION.name:
        buttons.insert(0, [ctx.button("menu.resume", commands.REGISTER.pack())])
    ctx.say(greeting + "\n\n" + ctx.t("start.intro"), buttons)


async def show_help(ctx: Context, commands: list[tuple[str, str]], contact: list[str]) -> None:
    """What the bot can do for this role: ``commands`` are (word, description key); ``contact`` the help desk's lines."""
    lines = [ctx.t("help.title"), ""]
    lines += [f"/{word} — {ctx.t(key)}" for word, key in commands]
    lines += ["", ctx.t("help.free_text")]
    if ctx.incoming.channel != "telegram":
        lines.append(ctx.t("help.no_slash"))
    lines += ["", ctx.t("help.contact"), *contact]
    ctx.say("\n".join(lines))


async def choose_language(ctx: Context, arg: str) -> None:
    """``/bahasa``: show the choice, or switch to ``arg``."""
    choice = arg.strip().lower()
    aliases = {"id": "id", "indonesia": "id", "ind": "id", "en": "en", "english": "en", "inggris": "en"}
    if choice in aliases:
        ctx.contact.language = aliases[choice]
        ctx.contact.updated_at = ctx.now
        ctx.say(ctx.t("language.changed"), [[ctx.menu_button()]])
        return
    if choice:
        ctx.say(ctx.t("language.unknown", value=arg[:30]))
    ctx.say(
        ctx.t("language.choose"),
        [[Button("Bahasa Indonesia", commands.LANGUAGE.pack("id")), Button("English", commands.LANGUAGE.pack("en"))]],
    )


async def toggle_reminders(ctx: Context, arg: str) -> None:
    """``/pengingat``: show the current state, or turn reminders on or off."""
    choice = arg.strip().lower()
    if choice in ("on", "ya", "aktif", "nyala", "hidup", "1"):
        ctx.contact.reminders = True
    elif choice in ("off", "tidak", "mati", "nonaktif", "0"):
        ctx.contact.reminders = False
    elif choice:
        ctx.say(ctx.t("reminders.unknown", value=arg[:30]))
    if choice:
        ctx.contact.updated_at = ctx.now
    state = ctx.t("reminders.on") if ctx.contact.reminders else ctx.t("reminders.off")
    text = ctx.t("reminders.state", state=state)
    if ctx.contact.reminders and not any(e.starts_at > ctx.now for e in ctx.services.settings.events):
        # On, but nothing will come of it yet: say so rather than let them wait for a reminder.
        text += "\n" + ctx.t("reminders.no_upcoming")
    ctx.say(text, [[reminder_switch(ctx)]])


async def answer_media(ctx: Context) -> None:
    """A photo, sticker, voice note or location: ask for text or buttons."""
    ctx.say(ctx.t("media.not_understood"))


async def answer_edited(ctx: Context) -> None:
    """An edited old message is not re-read: ask to send it again."""
    ctx.say(ctx.t("edited.not_processed"))


async def answer_bad_button(ctx: Context) -> None:
    """A stale or forged button press."""
    ctx.say(ctx.t("button.expired"), [[ctx.menu_button()]])
