"""APScheduler set-up, scheduled jobs and the outbox sender."""
