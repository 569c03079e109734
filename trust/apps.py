from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "trust"
    verbose_name = "Trust structure and plan"

    def ready(self):
        from . import history  # noqa: F401  (connects the history receivers)
