"""Who may join PSP: the config's age and status rules, applied to a registration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.config import Settings
from handlers.context import Context
from handlers.validators import age_on

STATUS_DEFINITIVE = "Definitif"
STATUS_ACTING = "Plt"


@dataclass(frozen=True)
class Eligibility:
    """The verdict of the config rules, with reason keys and their values."""

    eligible: bool
    age: int
    reasons: tuple[tuple[str, dict[str, Any]], ...]


def evaluate(settings: Settings, birth: date, status: str, today: date) -> Eligibility:
    """Apply ``registration.max_age`` (age on ``today``) and ``registration.require_definitive``."""
    rules = settings.registration
    age = age_on(birth, today)
    reasons: list[tuple[str, dict[str, Any]]] = []
    if age > rules.max_age:
        reasons.append(("reg.reason.age", {"age": age, "max": rules.max_age}))
    if rules.require_definitive and status != STATUS_DEFINITIVE:
        reasons.append(("reg.reason.plt", {}))
    return Eligibility(not reasons, age, tuple(reasons))


def birth_date_of(data: dict[str, Any]) -> date:
    """The birth date from the NIP, else the one typed."""
    nip = data.get("nip")
    return date.fromisoformat(nip["birth_date"] if isinstance(nip, dict) else data["tanggal_lahir"])


def explain(ctx: Context, verdict: Eligibility) -> str:
    """The eligibility result, told kindly with its reasons."""
    if verdict.eligible:
        return ctx.t("reg.eligible", age=verdict.age, max=ctx.services.settings.registration.max_age)
    reasons = "\n".join("• " + ctx.t(key, **values) for key, values in verdict.reasons)
    return ctx.t("reg.not_eligible", reasons=reasons)
