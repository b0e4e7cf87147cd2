"""Server-rendered staff pages: login by one-time link, session cookie, CSRF tokens, role checks per request.

Every page loads the staff member from the session on each request, so a role taken away in the
chat (``/peran … -``) or in the config takes effect at the next click. Coordinators are held to
their kecamatan here, in one place (:func:`_scope`).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from aiohttp import web
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import STAFF_ROLES, MessageKind, MessageStatus, Role
from bot.services import Services
from handlers.broadcast import GROUPS
from handlers.dashboard import WEB_PREFIX
from handlers.exports import EXPORT_COLUMNS, export_rows, to_csv, to_xlsx
from handlers.inbox import Preview, answer_item, inbox_items, preview_item
from handlers.validators import Invalid
from models.outbox import broadcast_figures, cancel_scheduled, recent_broadcasts, unread_in
from models.questions import count_open_questions
from models.registrations import RegistrationFilter, registration_counts, search_registrations
from models.tables import Contact, OutboxMessage, Registration
from models.web import end_session, login_usable, redeem_login, session_contact

HERE = Path(__file__).resolve().parent
COOKIE = "psp_dasbor"
PAGE_SIZE = 50
SERVICES: web.AppKey[Services] = web.AppKey("services", Services)
PREFIX: web.AppKey[str] = web.AppKey("prefix", str)
VIEWER: web.RequestKey[Contact] = web.RequestKey("viewer", Contact)
SECRET: web.RequestKey[str] = web.RequestKey("secret", str)
CSRF: web.RequestKey[str] = web.RequestKey("csrf", str)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Everything from this server only; no inline script or style, no framing, forms post only here.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    # The login link carries its token in the query string: never pass it on to another site.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

# Changes with the vendored files, so a browser never keeps an old copy after an upgrade.
STATIC_VERSION = hashlib.sha256(b"".join(f.read_bytes() for f in sorted((HERE / "static").iterdir()))).hexdigest()[:10]

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def web_prefix(services: Services) -> str:
    """Path the pages are mounted under: the path of ``http.public_url`` (behind a proxy) plus ``/dasbor``."""
    return urlsplit(services.settings.http.public_url).path.rstrip("/") + WEB_PREFIX


def csrf_token(services: Services, secret: str) -> str:
    """The form token of one session: derived from it, so it needs no storage and dies with the session."""
    return hmac.new(services.settings.signing_key, b"csrf\n" + secret.encode(), hashlib.sha256).hexdigest()


# -- rendering -------------------------------------------------------------------------------------------


def _texts(services: Services, lang: str) -> Callable[..., str]:
    def t(key: str, **values: Any) -> str:
        return services.i18n.t(lang, key, **values)

    return t


def _render(request: web.Request, template: str, context: dict[str, Any], status: int = 200) -> web.Response:
    services = request.app[SERVICES]
    viewer: Contact | None = request.get(VIEWER)
    lang = viewer.language if viewer is not None else services.settings.bot.default_language
    base = {
        "t": _texts(services, lang),
        "lang": lang,
        "viewer": viewer,
        "prefix": request.app[PREFIX],
        "csrf": request.get(CSRF, ""),
        "page": "",
        "static": lambda name: f"{request.app[PREFIX]}/static/{name}?v={STATIC_VERSION}",
    }
    text = _templates().get_template(template).render({**base, **context})
    return web.Response(text=text, content_type="text/html", status=status)


@functools.cache
def _templates() -> Any:
    """The pages' templates, read on the first page shown (jinja2 loads then: an idle bot does without its 1.2 MB)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["wita"] = _format_time
    return env


def _problem(request: web.Request, status: int, key: str) -> web.Response:
    return _render(request, "problem.html", {"status": status, "message_key": key}, status)


# -- middlewares ------------------------------------------------------------------------------------------


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Headers on every answer, errors included; ``Server-Timing`` says how long the page took to build."""
    started = time.perf_counter()
    try:
        response = await handler(request)
    except web.HTTPException as exc:  # the router's 404 and 405
        exc.headers.update(SECURITY_HEADERS)
        raise
    response.headers.update(SECURITY_HEADERS)
    response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response


def _redirect(request: web.Request, path: str) -> web.Response:
    """303 to a page of this app (after a POST, so a reload does not post again)."""
    return web.Response(status=303, headers={"Location": request.app[PREFIX] + path})


PUBLIC_PATHS = ("/masuk", "/keluar/selesai", "/static/")


@web.middleware
async def require_staff(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Anonymous → 401, not staff (any more) → 403, a POST without this session's CSRF token → 403."""
    path = request.path[len(request.app[PREFIX]) :]
    if any(path.startswith(p) for p in PUBLIC_PATHS):
        return await handler(request)
    try:
        return await _as_staff(request, handler)
    except OtherKecamatan:
        return _problem(request, 403, "web.other_kecamatan")


class OtherKecamatan(Exception):
    """A coordinator asked for another kecamatan's data."""


async def _as_staff(request: web.Request, handler: Handler) -> web.StreamResponse:
    services = request.app[SERVICES]
    secret = request.cookies.get(COOKIE, "")
    async with services.db.session() as session:
        viewer = await session_contact(session, secret, services.clock.now())
    if viewer is None:
        return _problem(request, 401, "web.need_login")
    request[VIEWER] = viewer
    request[SECRET] = secret
    request[CSRF] = csrf_token(services, secret)
    if viewer.role not in STAFF_ROLES or (viewer.role == Role.COORDINATOR and not viewer.kecamatan):
        return _problem(request, 403, "web.not_staff")
    if request.method == "POST":
        form = await request.post()
        if not hmac.compare_digest(str(form.get("csrf", "")), request[CSRF]):
            return _problem(request, 403, "web.bad_csrf")
    return await handler(request)


def _scope(viewer: Contact) -> str | None:
    """The kecamatan a viewer is held to: a coordinator's own, None (all) for an admin."""
    return viewer.kecamatan if viewer.role == Role.COORDINATOR else None


# -- login and logout -------------------------------------------------------------------------------------


async def login_page(request: web.Request) -> web.Response:
    """The link from ``/dasbor``: a "Masuk" button, so a chat app's link preview does not use the link up."""
    services = request.app[SERVICES]
    token = request.query.get("t", "")
    async with services.db.session() as session:
        usable = bool(token) and await login_usable(session, token, services.clock.now())
    if not usable:
        return _problem(request, 410 if token else 401, "web.link_used" if token else "web.need_login")
    return _render(request, "login.html", {"token": token})


async def login(request: web.Request) -> web.StreamResponse:
    """Use the link up and open a session."""
    services = request.app[SERVICES]
    form = await request.post()
    now = services.clock.now()
    async with services.db.session() as session:
        opened = await redeem_login(session, str(form.get("t", "")), now, timedelta(hours=services.settings.http.session_hours))
        await session.commit()
    if opened is None:
        return _problem(request, 410, "web.link_used")
    secret, _contact_id = opened
    response = _redirect(request, "/")
    secure = services.settings.http.public_url.startswith("https://")
    max_age = services.settings.http.session_hours * 3600
    response.set_cookie(COOKIE, secret, max_age=max_age, path=request.app[PREFIX], httponly=True, samesite="Lax", secure=secure)
    return response


async def logout(request: web.Request) -> web.StreamResponse:
    """End the session on the server and in the browser."""
    services = request.app[SERVICES]
    async with services.db.session() as session:
        await end_session(session, request[SECRET])
        await session.commit()
    response = _redirect(request, "/keluar/selesai")
    response.del_cookie(COOKIE, path=request.app[PREFIX])
    return response


async def logged_out(request: web.Request) -> web.Response:
    """After logging out."""
    return _problem(request, 200, "web.logged_out")


# -- Ringkasan --------------------------------------------------------------------------------------------


async def summary(request: web.Request) -> web.Response:
    """Registrations per kecamatan against the target (chart and table), per jenjang, the latest, open questions, next Bimtek."""
    services = request.app[SERVICES]
    viewer: Contact = request[VIEWER]
    scope = _scope(viewer)
    settings = services.settings.registration
    kecamatan = [scope] if scope else list(settings.kecamatan)
    now = services.clock.now()
    async with services.db.session() as session:
        counts = await registration_counts(session, scope)
        latest, _ = await search_registrations(session, RegistrationFilter(kecamatan=scope), "baru", 0, 8)
        open_questions = await count_open_questions(session) if viewer.role == Role.ADMIN else None
    eligible: Counter[str] = Counter()
    not_eligible: Counter[str] = Counter()
    per_jenjang: Counter[tuple[str, bool]] = Counter()
    for kec, jenjang, ok, n in counts:
        (eligible if ok else not_eligible)[kec] += n
        per_jenjang[(jenjang, ok)] += n
    rows = [
        {"kecamatan": k, "eligible": eligible[k], "not_eligible": not_eligible[k], "total": eligible[k] + not_eligible[k],
         "reached": eligible[k] >= settings.target_per_kecamatan}
        for k in kecamatan
    ]  # fmt: skip
    jenjang_rows = [{"jenjang": j, "eligible": per_jenjang[(j, True)], "not_eligible": per_jenjang[(j, False)]} for j in settings.jenjang]
    t = _texts(services, viewer.language)
    chart = {
        "labels": kecamatan,
        "eligible": [eligible[k] for k in kecamatan],
        "not_eligible": [not_eligible[k] for k in kecamatan],
        "target": settings.target_per_kecamatan,
        "names": {"eligible": t("web.eligible"), "not_eligible": t("web.not_eligible"), "target": t("web.target")},
    }
    upcoming = [e for e in services.settings.events if e.ends_at > now][:1]
    return _render(
        request,
        "summary.html",
        {
            "page": "ringkasan",
            "scope": scope,
            "rows": rows,
            "jenjang_rows": jenjang_rows,
            "chart": chart,
            "target": settings.target_per_kecamatan,
            "total": sum(r["total"] for r in rows),
            "eligible_total": sum(r["eligible"] for r in rows),
            "latest": latest,
            "open_questions": open_questions,
            "event": upcoming[0] if upcoming else None,
            "tz": services.settings.bot.timezone,
        },
    )


# -- Pendaftaran ------------------------------------------------------------------------------------------


def _filter_from(request: web.Request) -> RegistrationFilter:
    """The list's filters from the query string; :class:`OtherKecamatan` when a coordinator asks for another kecamatan."""
    services = request.app[SERVICES]
    settings = services.settings.registration
    query = request.query
    scope = _scope(request[VIEWER])
    kecamatan = query.get("kecamatan") or None
    if kecamatan is not None and kecamatan not in settings.kecamatan:
        kecamatan = None
    if scope is not None:
        if kecamatan not in (None, scope):
            raise OtherKecamatan(kecamatan)
        kecamatan = scope
    jenjang = query.get("jenjang") or None
    eligible = {"ya": True, "tidak": False}.get(query.get("syarat", ""))
    return RegistrationFilter(
        search=query.get("q", "").strip()[:100],
        kecamatan=kecamatan,
        jenjang=jenjang if jenjang in settings.jenjang else None,
        eligible=eligible,
    )


def _int(value: str, default: int) -> int:
    return int(value) if value.isdigit() and len(value) < 7 else default


def _ident(request: web.Request) -> int | None:
    """The ``{id}`` of the path as a number, None when it is not one."""
    value = request.match_info["id"]
    return int(value) if value.isdigit() and len(value) < 10 else None


async def registrations(request: web.Request) -> web.Response:
    """The list with search, filters, sort and paging."""
    services = request.app[SERVICES]
    where = _filter_from(request)
    sort = request.query.get("urut", "baru")
    page = max(1, _int(request.query.get("hal", "1"), 1))
    async with services.db.session() as session:
        rows, total = await search_registrations(session, where, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE)
    pages = max(1, -(-total // PAGE_SIZE))
    params = {k: v for k, v in request.query.items() if k in ("q", "kecamatan", "jenjang", "syarat", "urut") and v}
    return _render(
        request,
        "registrations.html",
        {
            "page": "pendaftaran",
            "rows": rows,
            "total": total,
            "where": where,
            "sort": sort if sort in ("baru", "nama", "sekolah", "kecamatan") else "baru",
            "eligible_param": request.query.get("syarat", ""),
            "page_no": min(page, pages),
            "pages": pages,
            "query": urlencode(params),
            "scope": _scope(request[VIEWER]),
            "settings": services.settings.registration,
            "tz": services.settings.bot.timezone,
        },
    )


async def registration_detail(request: web.Request) -> web.Response:
    """One registration; another kecamatan's is "not found" for a coordinator."""
    services = request.app[SERVICES]
    ident = _ident(request)
    async with services.db.session() as session:
        record = await session.get(Registration, ident) if ident is not None else None
        contact = await session.get(Contact, record.contact_id) if record is not None and record.contact_id is not None else None
    scope = _scope(request[VIEWER])
    if record is None or record.erased_at is not None or (scope is not None and record.kecamatan != scope):
        return _problem(request, 404, "web.not_found")  # an erased one names nobody: counted, never shown
    today = services.clock.now().astimezone(services.settings.bot.timezone).date()
    values = [_shown(v) for v in export_rows(services.settings, [record], today)[0]]
    fields = list(zip(EXPORT_COLUMNS, values, strict=True))
    return _render(request, "registration.html", {"page": "pendaftaran", "record": record, "contact": contact, "fields": fields})


def _shown(value: Any) -> Any:
    """Dates as people in Buleleng write them (the export's values are local times already)."""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return value


async def download(request: web.Request) -> web.StreamResponse:
    """The filtered list as XLSX or CSV, written by the same code as ``/ekspor`` and ``psp-bot export``."""
    services = request.app[SERVICES]
    where = _filter_from(request)
    fmt = request.match_info["fmt"]
    async with services.db.session() as session:
        rows, _ = await search_registrations(session, where, "kecamatan", 0, None)
    today = services.clock.now().astimezone(services.settings.bot.timezone).date()
    table = export_rows(services.settings, rows, today)
    name = f"pendaftaran-psp-{(where.kecamatan or 'buleleng').lower()}-{today.isoformat()}.{fmt}"
    if fmt == "xlsx":
        body, mime = to_xlsx(table, where.kecamatan or "Buleleng"), XLSX_MIME
    else:
        body, mime = to_csv(table), "text/csv; charset=utf-8"
    return web.Response(body=body, headers={"Content-Type": mime, "Content-Disposition": f'attachment; filename="{name}"'})


# -- Siaran -----------------------------------------------------------------------------------------------


async def broadcasts(request: web.Request) -> web.Response:
    """Circulars with sent / failed / left and read rates; unread per kecamatan; scheduled ones with cancel."""
    services = request.app[SERVICES]
    viewer: Contact = request[VIEWER]
    scope = _scope(viewer)
    now = services.clock.now()
    async with services.db.session() as session:
        messages = await recent_broadcasts(session, 20)
        figures = await broadcast_figures(session, [m.id for m in messages if m.id is not None], scope)
    t = _texts(services, viewer.language)
    items = [
        {"message": m, "figures": figures[m.id], "scheduled": m.status == MessageStatus.PENDING and m.send_at > now, "audience": _audience_text(t, m.audience)}
        for m in messages
        if m.id is not None
    ]
    return _render(
        request,
        "broadcasts.html",
        {"page": "siaran", "items": items, "scope": scope, "tz": services.settings.bot.timezone, "done": request.query.get("batal", "")},
    )


def _audience_text(t: Callable[..., str], audience: str) -> str:
    """The audience of a circular in words ("Kepala sekolah · SD · Seririt")."""
    try:
        chosen = json.loads(audience or "{}")
    except ValueError:
        chosen = {}
    parts = [" + ".join(t(f"broadcast.group_{g}") for g in chosen.get("groups", []) if g in GROUPS)]
    parts += ["/".join(chosen.get(kind, [])) for kind in ("jenjang", "kecamatan")]
    return " · ".join(p for p in parts if p) or "–"


async def broadcast_unread(request: web.Request) -> web.Response:
    """Who has not pressed "Sudah dibaca" for one circular: counts per kecamatan, names for one kecamatan at a time."""
    services = request.app[SERVICES]
    ident = _ident(request)
    scope = _scope(request[VIEWER])
    chosen = request.query.get("kecamatan") or scope
    if scope is not None and chosen != scope:
        raise OtherKecamatan(chosen)
    async with services.db.session() as session:
        message = await session.get(OutboxMessage, ident) if ident is not None else None
        if message is None or message.id is None or message.kind != MessageKind.BROADCAST or message.status == MessageStatus.DRAFT:
            return _problem(request, 404, "web.not_found")
        figures = (await broadcast_figures(session, [message.id], scope))[message.id]
        people = await unread_in(session, message.id, chosen) if chosen else []
    context = {"page": "siaran", "message": message, "figures": figures, "chosen": chosen, "people": people, "scope": scope}
    return _render(request, "broadcast.html", context)


async def cancel_broadcast(request: web.Request) -> web.StreamResponse:
    """Cancel a scheduled circular (admins, as they scheduled it)."""
    services = request.app[SERVICES]
    if request[VIEWER].role != Role.ADMIN:
        return _problem(request, 403, "web.admins_only")
    ident = _ident(request)
    async with services.db.session() as session:
        cancelled = await cancel_scheduled(session, ident, services.clock.now()) if ident is not None else None
        await session.commit()
    if cancelled is None:
        return _problem(request, 409, "web.cannot_cancel")
    return _redirect(request, f"/siaran?batal={ident}")


# -- Pertanyaan -------------------------------------------------------------------------------------------


async def _inbox(request: web.Request, session: AsyncSession, **extra: Any) -> web.Response:
    services = request.app[SERVICES]
    items = await inbox_items(session, request[VIEWER])
    context = {"page": "pertanyaan", "items": items, "tz": services.settings.bot.timezone, "sent": request.query.get("terkirim", ""), **extra}
    return _render(request, "questions.html", context, 400 if extra.get("error") else 200)


async def questions(request: web.Request) -> web.Response:
    """The staff inbox: everything waiting for this staff member's answer."""
    async with request.app[SERVICES].db.session() as session:
        return await _inbox(request, session)


async def _answer_form(request: web.Request) -> tuple[str, str]:
    form = await request.post()
    return str(form.get("ref", "")), str(form.get("answer", ""))


async def _answer_step(request: web.Request, *, send: bool) -> web.StreamResponse:
    """Both steps of an answer, checked alike: the preview (``send`` False, nothing queued) and *Kirim*."""
    services = request.app[SERVICES]
    ref, text = await _answer_form(request)
    async with services.db.session() as session:
        try:
            result = await (answer_item if send else preview_item)(services, session, request[VIEWER], ref, text)
        except PermissionError:
            return _problem(request, 403, "web.admins_only")
        except Invalid as problem:
            t = _texts(services, request[VIEWER].language)
            return await _inbox(request, session, error=t(problem.key, **problem.values), error_ref=ref, draft=text)
        if send:
            await session.commit()
    if result is None:
        return _problem(request, 409, "web.already_answered")
    if isinstance(result, Preview):
        context = {"page": "pertanyaan", "item": result.item, "answer": result.answer, "message": result.message, "tz": services.settings.bot.timezone}
        return _render(request, "answer_preview.html", context)
    services.wake_outbox()
    return _redirect(request, f"/pertanyaan?terkirim={result}")


async def preview(request: web.Request) -> web.StreamResponse:
    """The answer form's first step: the answer as the person will read it, with Kirim, Ubah and Batal; nothing is sent."""
    return await _answer_step(request, send=False)


async def edit_answer(request: web.Request) -> web.StreamResponse:
    """*Ubah* on the preview: back to the list with the text kept in its answer box."""
    ref, text = await _answer_form(request)
    async with request.app[SERVICES].db.session() as session:
        return await _inbox(request, session, error_ref=ref, draft=text)


async def answer(request: web.Request) -> web.StreamResponse:
    """*Kirim* on the preview: recorded and queued through the outbox, exactly as from the chat."""
    return await _answer_step(request, send=True)


# -- assembly ---------------------------------------------------------------------------------------------


def _format_time(value: Any, tz: Any, fmt: str = "%d-%m-%Y %H:%M") -> str:
    return value.astimezone(tz).strftime(fmt) if value is not None else "–"


def build_web_app(services: Services) -> web.Application:
    """The pages as a sub-application, mounted by :func:`bot.http.build_http_app` under :func:`web_prefix`."""
    app = web.Application(middlewares=[security_headers, require_staff])
    app[SERVICES] = services
    app[PREFIX] = web_prefix(services)
    app.router.add_get("/masuk", login_page)
    app.router.add_post("/masuk", login)
    app.router.add_get("/keluar/selesai", logged_out)
    app.router.add_post("/keluar", logout)
    app.router.add_get("/", summary)
    app.router.add_get("/pendaftaran", registrations)
    app.router.add_get("/pendaftaran/{id}", registration_detail)
    app.router.add_get("/unduh/pendaftaran.{fmt:xlsx|csv}", download)
    app.router.add_get("/siaran", broadcasts)
    app.router.add_get("/siaran/{id}", broadcast_unread)
    app.router.add_post("/siaran/{id}/batal", cancel_broadcast)
    app.router.add_get("/pertanyaan", questions)
    app.router.add_post("/pertanyaan/jawab", preview)
    app.router.add_post("/pertanyaan/ubah", edit_answer)
    app.router.add_post("/pertanyaan/kirim", answer)
    app.router.add_static("/static/", HERE / "static", append_version=True)
    return app
