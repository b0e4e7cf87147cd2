"""Prometheus metrics of one bot process."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


class Metrics:
    """Counters and histograms, on a registry of their own (tests build many apps)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter("psp_updates", "Updates received", ["channel", "kind"], registry=self.registry)
        self.replies = Counter("psp_replies", "Replies sent", ["channel"], registry=self.registry)
        self.handler_errors = Counter("psp_handler_errors", "Updates whose handler raised", registry=self.registry)
        self.handle_seconds = Histogram(
            "psp_handle_seconds",
            "Time to decide the replies to one update",
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
            registry=self.registry,
        )
        self.webhook_rejected = Counter("psp_webhook_rejected", "Webhook requests refused", ["channel", "reason"], registry=self.registry)
        self.faq = Counter("psp_faq_questions", "Free-text questions by outcome", ["result"], registry=self.registry)
        self.busy_contacts = Gauge("psp_busy_contacts", "Contacts with updates in progress", registry=self.registry)

    def render(self) -> bytes:
        """The Prometheus text exposition."""
        return generate_latest(self.registry)
