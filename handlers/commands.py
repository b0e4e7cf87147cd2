"""The commands' button payloads: declared once, for every module that offers their buttons.

A button's payload is a :class:`bot.messages.Payload` packed by the route that handles it; nothing
writes or reads the ``<route>:<part>…`` text by hand (``tests/test_payloads.py`` checks), and
:meth:`handlers.context.Context.button` takes only a packed payload.

A route only its own module offers buttons for declares its ``Payload`` there (``faq:``,
``form:``, ``inbox:``, ``baca:``…). Commands are routes any module may offer a button for (the
"Menu utama" under nearly every answer), so their payloads are declared here, once, and the
router's table builds each command's route from its payload.

The text is the one buttons carried before payloads were typed, so buttons already sitting in
chats keep working; one naming a route that no longer exists gets "button.expired".
"""

from __future__ import annotations

from bot.messages import Payload

# -- commands: typed as /word, and the payload of every button that runs them --------------------
MENU = Payload("menu")
HELP = Payload("bantuan")
ASK = Payload("tanya")
REGISTER = Payload("daftar")
PROFILE = Payload("profil")
SCHEDULE = Payload("jadwal")
LANGUAGE = Payload("bahasa")  # bahasa:<id|en>
REMINDERS = Payload("pengingat")  # pengingat:<on|off>
CANCEL = Payload("batal")
MY_DATA = Payload("datasaya")
ERASE_DATA = Payload("hapusdata")
RECAP = Payload("rekap")
STATISTICS = Payload("statistik")
EXPORT = Payload("ekspor")
BROADCAST = Payload("siaran")  # also siaran:<action>[:…] while composing (handlers/broadcast.py)
ROLES = Payload("peran")
HELPDESK = Payload("petugas")  # "Hubungi petugas"
HELPDESK_DONE = Payload("selesai")  # the person closes their own help-desk conversation
QUESTIONS = Payload("pertanyaan")
RELOAD = Payload("muatulang")
DASHBOARD = Payload("dasbor")

# Every command by its word: what a command named in data (an FAQ entry's ``command``) runs.
ALL: tuple[Payload, ...] = (MENU, HELP, ASK, REGISTER, PROFILE, SCHEDULE, LANGUAGE, REMINDERS, CANCEL, MY_DATA, ERASE_DATA)
ALL += (RECAP, STATISTICS, EXPORT, BROADCAST, ROLES, HELPDESK, HELPDESK_DONE, QUESTIONS, RELOAD, DASHBOARD)
BY_NAME: dict[str, Payload] = {p.route: p for p in ALL}
